using DistributedModel.Core.Logging;
using DistributedModel.Core.Workspace;
using DistributedModel.StatusLine.Tests.Support;
using DistributedModel.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DistributedModel.StatusLine.Tests;

public sealed class TodaySummaryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Totals_are_the_sums_of_todays_real_hook_lines_and_ledger_costs()
    {
        using var ws = new TempDirectory("dm-statusline");
        RealLogs.RunHook(ws.Path, "dotnet-build-detailed", Noon.AddDays(-1)); // yesterday: not counted
        RealLogs.RunHook(ws.Path, "dotnet-build-detailed", Noon.AddHours(-2));
        RealLogs.RunHook(ws.Path, "python-traceback", Noon.AddHours(-1));
        RealLogs.RunHook(ws.Path, "cargo-test-failing", Noon);
        RealLogs.AppendLedger(ws.Path, Noon.AddDays(-1), 1.00m);
        RealLogs.AppendLedger(ws.Path, Noon.AddMinutes(-5), 0.12m);
        RealLogs.AppendLedger(ws.Path, Noon.AddMinutes(-4), 0.06m, lane: "review");
        RealLogs.AppendLedger(ws.Path, Noon.AddMinutes(-3), null); // unpriced: adds nothing
        var paths = new WorkspacePaths(ws.Path);

        var s = TodaySummary.From(LogTail.Read(paths.HooksLog), LogTail.Read(paths.Ledger), new FakeTimeProvider(Noon));

        var today = RealLogs.ReadHooks(ws.Path).Where(r => r.Timestamp.Date == Noon.Date && r.Event == HookEvents.PostToolUse).ToList();
        today.Should().HaveCount(3);
        today.Should().Contain(r => r.Outcome == HookOutcomes.Compressed, "the corpus build log is large enough to compress");
        s.ToolCalls.Should().Be(3);
        s.BytesIn.Should().Be(today.Sum(r => r.InputBytes));
        s.BytesOut.Should().Be(today.Sum(r => r.OutputBytes));
        s.BytesOut.Should().BeLessThan(s.BytesIn);
        s.Surfaced.Should().Be(today.Sum(r => (long)(r.Surfaced ?? 0)));
        s.SurfacedErrors.Should().Be(today.Sum(r => (long)(r.SurfacedErrors ?? 0)));
        s.SurfacedWarnings.Should().Be(today.Sum(r => (long)(r.SurfacedWarnings ?? 0)));
        s.SurfacedErrors.Should().BeGreaterThan(0);
        s.SurfacedWarnings.Should().BeGreaterThan(0);
        s.SurfacedUnsplit.Should().Be(0);
        s.UnpricedCalls.Should().Be(1);
        s.ProviderCalls.Should().Be(3);
        s.SpecialistsUsd.Should().Be(0.18m);
        s.Partial.Should().BeFalse();
        s.Skipped.Should().Be(0);
    }

    [Fact]
    public void An_older_line_without_the_split_is_split_only_when_it_kept_one_kind()
    {
        using var ws = new TempDirectory("dm-statusline");
        var paths = new WorkspacePaths(ws.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(paths.HooksLog)!);
        const string Head = "{\"ts\":\"2026-11-23T11:00:00.000Z\",\"event\":\"PostToolUse\",\"tool\":\"Bash\",\"in\":90000,\"out\":8000,\"ms\":4,\"outcome\":\"compressed\"";
        File.WriteAllText(paths.HooksLog,
            Head + ",\"errors\":3,\"warnings\":0,\"surfaced\":2}\n" +
            Head + ",\"errors\":0,\"warnings\":5,\"surfaced\":4}\n" +
            Head + ",\"errors\":2,\"warnings\":2,\"surfaced\":3}\n" +
            Head + ",\"errors\":2,\"warnings\":2,\"surfaced\":3,\"surfacedErrors\":1,\"surfacedWarnings\":2}\n");

        var s = TodaySummary.From(LogTail.Read(paths.HooksLog), LogTail.Empty, new FakeTimeProvider(Noon));

        s.Surfaced.Should().Be(12);
        s.SurfacedErrors.Should().Be(3);
        s.SurfacedWarnings.Should().Be(6);
        s.SurfacedUnsplit.Should().Be(3);
    }

    [Fact]
    public void Today_is_the_local_date_of_the_clock()
    {
        using var ws = new TempDirectory("dm-statusline");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero)); // 01:30 on the 24th in UTC+2
        clock.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2"));
        RealLogs.AppendLedger(ws.Path, new DateTimeOffset(2026, 11, 23, 21, 30, 0, TimeSpan.Zero), 0.50m); // 23:30 local on the 23rd
        RealLogs.AppendLedger(ws.Path, new DateTimeOffset(2026, 11, 23, 22, 30, 0, TimeSpan.Zero), 0.25m); // 00:30 local on the 24th
        var paths = new WorkspacePaths(ws.Path);

        var s = TodaySummary.From(LogTail.Empty, LogTail.Read(paths.Ledger), clock);

        s.ProviderCalls.Should().Be(1);
        s.SpecialistsUsd.Should().Be(0.25m);
    }

    [Fact]
    public void A_tail_that_starts_today_marks_the_totals_as_partial()
    {
        using var ws = new TempDirectory("dm-statusline");
        for (int i = 0; i < 40; i++) RealLogs.AppendLedger(ws.Path, Noon.AddMinutes(-i), 0.01m);
        var paths = new WorkspacePaths(ws.Path);

        var s = TodaySummary.From(LogTail.Empty, LogTail.Read(paths.Ledger, maxBytes: 2048), new FakeTimeProvider(Noon));

        s.Partial.Should().BeTrue();
        s.ProviderCalls.Should().BeInRange(1, 39);
        StatusLineText.Format(s).Should().Contain("≥$");
    }
}
