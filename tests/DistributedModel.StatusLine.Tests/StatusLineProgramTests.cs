using System.Text;
using DistributedModel.Core.Workspace;
using DistributedModel.StatusLine.Tests.Support;
using DistributedModel.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DistributedModel.StatusLine.Tests;

public sealed class StatusLineProgramTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static (int Exit, string Stdout) Run(string stdinJson, string? env = null)
    {
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(stdinJson));
        using var stdout = new MemoryStream();
        var exit = StatusLineProgram.Run(stdin, stdout, new FakeTimeProvider(Noon), env);
        return (exit, Encoding.UTF8.GetString(stdout.ToArray()));
    }

    private static string Stdin(string dir) =>
        "{\"cwd\":\"/elsewhere\",\"workspace\":{\"project_dir\":" + System.Text.Json.JsonSerializer.Serialize(dir) + "}}";

    [Fact]
    public void Real_logs_print_one_line_with_the_totals()
    {
        using var ws = new TempDirectory("dm-statusline");
        RealLogs.RunHook(ws.Path, "dotnet-build-detailed", Noon.AddHours(-1));
        RealLogs.AppendLedger(ws.Path, Noon.AddMinutes(-1), 0.18m);
        var summary = TodaySummary.From(LogTail.Read(new WorkspacePaths(ws.Path).HooksLog), LogTail.Empty, new FakeTimeProvider(Noon));

        var (exit, stdout) = Run(Stdin(ws.Path));

        exit.Should().Be(0);
        var hook = RealLogs.ReadHooks(ws.Path).Single();
        hook.SurfacedErrors.Should().BeGreaterThan(0, "the corpus build log has errors past Claude Code's preview");
        hook.SurfacedWarnings.Should().BeGreaterThan(0, "and warnings past it");
        (hook.SurfacedErrors + hook.SurfacedWarnings).Should().Be(hook.Surfaced);
        stdout.Should().Be($"dm ▾ {StatusLineText.Bytes(summary.BytesIn)} → {StatusLineText.Bytes(summary.BytesOut)} today" +
            $" · {hook.SurfacedErrors} errors · {hook.SurfacedWarnings} warnings surfaced · specialists $0.18\n");
    }

    [Fact]
    public void Unpriced_ledger_lines_are_counted_apart_from_the_priced_sum()
    {
        using var ws = new TempDirectory("dm-statusline");
        RealLogs.AppendLedger(ws.Path, Noon.AddMinutes(-4), 0.12m);
        RealLogs.AppendLedger(ws.Path, Noon.AddMinutes(-3), 0.06m, lane: "review");
        RealLogs.AppendLedger(ws.Path, Noon.AddMinutes(-2), null, lane: "dispatch", unpriced: true);
        RealLogs.AppendLedger(ws.Path, Noon.AddMinutes(-1), null);
        RealLogs.AppendLedger(ws.Path, Noon, 0.40m, unpriced: true); // flagged unpriced: its number is not a price
        Run(Stdin(ws.Path)).Stdout.Should().Be("dm ▾ specialists $0.18 + 3 unpriced today\n");
    }

    [Fact]
    public void No_logs_print_the_neutral_line() => Run(Stdin("/nonexistent/dm-statusline")).Should().Be((0, StatusLineText.Idle + "\n"));

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{"cwd":"relative/path"}""")]
    public void Bad_stdin_prints_the_neutral_line(string stdin) => Run(stdin, env: "relative").Should().Be((0, StatusLineText.Idle + "\n"));

    [Fact]
    public void Without_a_workspace_in_stdin_it_uses_CLAUDE_PROJECT_DIR()
    {
        using var ws = new TempDirectory("dm-statusline");
        RealLogs.AppendLedger(ws.Path, Noon, 0.25m);
        Run("{}", env: ws.Path).Stdout.Should().Be("dm ▾ specialists $0.25 today\n");
    }

    [Fact]
    public void Damaged_lines_are_skipped_and_the_good_ones_still_count()
    {
        using var ws = new TempDirectory("dm-statusline");
        var paths = new WorkspacePaths(ws.Path);
        RealLogs.RunHook(ws.Path, "python-traceback", Noon.AddHours(-1));
        var good = File.ReadAllText(paths.HooksLog);
        // A torn half line, binary garbage, a line missing required fields, then a good line, then a truncated last line.
        File.WriteAllBytes(paths.HooksLog, [.. Encoding.UTF8.GetBytes(good[..(good.Length / 2)] + "\n"), 0, 0xFF, 0xFE, 0x80, (byte)'\n',
            .. Encoding.UTF8.GetBytes("{\"event\":\"PostToolUse\"}\n" + good + good[..20])]);

        var s = TodaySummary.From(LogTail.Read(paths.HooksLog), LogTail.Empty, new FakeTimeProvider(Noon));

        s.ToolCalls.Should().Be(1);
        s.Skipped.Should().Be(3);
        Run(Stdin(ws.Path)).Stdout.Should().StartWith("dm ▾ ").And.Contain(" today").And.EndWith("\n");
    }

    [Fact]
    public void A_log_of_only_binary_data_prints_the_neutral_line()
    {
        using var ws = new TempDirectory("dm-statusline");
        var paths = new WorkspacePaths(ws.Path);
        Directory.CreateDirectory(paths.DmDir);
        var rng = new Random(7);
        var noise = new byte[600_000];
        rng.NextBytes(noise);
        File.WriteAllBytes(paths.HooksLog, noise);
        File.WriteAllBytes(paths.Ledger, noise);
        Run(Stdin(ws.Path)).Should().Be((0, StatusLineText.Idle + "\n"));
    }
}
