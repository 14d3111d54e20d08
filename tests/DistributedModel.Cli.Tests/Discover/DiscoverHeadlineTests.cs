using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DistributedModel.Cli.Discover;
using DistributedModel.Cli.Report;
using DistributedModel.Cli.Tests.Support;

namespace DistributedModel.Cli.Tests.Discover;

/// <summary>
/// The headline figures of <c>dm discover</c> (text and HTML) on the real Claude Code transcript of <see cref="ClaudeSessions"/>:
/// the context with sign and plain words, what the model could see, and — when dm adds bytes — what they bought.
/// </summary>
[Collection(RealClaudeCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DiscoverHeadlineTests : IClassFixture<ClaudeSessions>
{
    private readonly ClaudeSessions _s;

    public DiscoverHeadlineTests(ClaudeSessions sessions) => _s = sessions;

    /// <summary>A copy of the unhooked session's Claude Code config keeping only the transcript lines that do not mention
    /// <paramref name="dropIds"/> (the calls left out, with their tool_use and tool_result records).</summary>
    private string PlainCopy(IReadOnlyCollection<string> dropIds)
    {
        var config = Path.Combine(_s.H.Root, "headline-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.GetFiles(_s.ProjectsDir, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(config, "projects", Path.GetRelativePath(_s.ProjectsDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (file.EndsWith(".jsonl", StringComparison.Ordinal))
                File.WriteAllLines(target, File.ReadAllLines(file).Where(l => !dropIds.Any(id => l.Contains('"' + id + '"', StringComparison.Ordinal))));
            else File.Copy(file, target);
        }
        return config;
    }

    private async Task<(CliRun Run, string Html, DiscoverReport Report)> DiscoverAsync(string config)
    {
        var html = Path.Combine(config, "discover.html");
        _s.H.SetEnv("CLAUDE_CONFIG_DIR", config);
        try
        {
            var run = await _s.H.RunAsync("discover", "--html", html);
            run.ExitCode.Should().Be(0, run.ToString());
            var report = DiscoverAnalyzer.Analyze(Path.Combine(config, "projects"), _s.H.Repo, allProjects: false, days: 30, DateTimeOffset.UtcNow);
            return (run, await File.ReadAllTextAsync(html), report);
        }
        finally
        {
            _s.H.SetEnv("CLAUDE_CONFIG_DIR", null);
        }
    }

    [Fact]
    public async Task When_dm_adds_bytes_the_headline_says_more_and_what_they_bought_and_nothing_reads_as_a_saving()
    {
        // Only the build log (persisted: a 2 KB preview that hid its errors) and the failed command: dm's digest is larger.
        var all = TranscriptReader.Read(Directory.GetFiles(_s.ProjectsDir, "*.jsonl", SearchOption.AllDirectories).Single());
        var build = all.ToolCalls[0];
        var drop = all.ToolCalls.Where(c => c.Id != build.Id && !c.IsError).Select(c => c.Id).ToList();
        drop.Should().NotBeEmpty();

        var (run, html, report) = await DiscoverAsync(PlainCopy(drop));

        report.Results.Select(r => r.Call.Id).Should().Equal(build.Id, all.ToolCalls.Single(c => c.IsError).Id);
        long before = report.ContextBefore, after = report.ContextAfter;
        after.Should().BeGreaterThan(before, "the digest carries the errors the 2 KB preview hid");
        var logged = _s.HookLog.First(l => l["event"]!.GetValue<string>() == "PostToolUse");
        (report.SurfacedErrors, report.SurfacedWarnings).Should().Be(
            (logged["surfacedErrors"]!.GetValue<int>(), logged["surfacedWarnings"]!.GetValue<int>()), "the real hook counted the same lines apart");
        report.SurfacedErrors.Should().BeGreaterThan(0);
        var bought = ContextWords.Bought(before, after, report.SurfacedErrors, report.SurfacedWarnings);
        bought.Should().StartWith("+" + Format.Bytes(after - before) + " to show ").And.EndWith(" the 2 KB preview hid");

        run.Out.Should().Contain($"{Format.Bytes(after - before)} more bytes into context with dm ({Format.Bytes(before)} → {Format.Bytes(after)}, +")
            .And.Contain(bought)
            .And.Contain($"Bash {Format.Bytes(Encoding.UTF8.GetByteCount(_s.Build.Text))} raw: {Format.Bytes(report.Results.First().ContextBefore)} preview → ", "the raw size of the large output is shown")
            .And.Contain($" more input tokens ≈ ").And.Contain($"(they show {ContextWords.Seen(report.SurfacedErrors, report.SurfacedWarnings)} the previews hid)")
            .And.NotContain("saved").And.NotContain("fewer");

        html.Should().Contain("<div class=\"score more\">").And.NotContain("score fewer")
            .And.Contain($"<p class=\"kpi-value\">{Format.Bytes(after - before)} more</p>")
            .And.Contain(WebUtility.HtmlEncode(bought!))
            .And.Contain("<h3>What the model could see</h3></div><p class=\"kpi-value\">" + ContextWords.Seen(report.SurfacedErrors, report.SurfacedWarnings) + "</p>")
            .And.NotContain("saved").And.NotContain("≈ −").And.NotContain("surfaced<");
    }

    [Fact]
    public async Task When_dm_takes_bytes_out_the_headline_says_fewer_and_no_session_label_is_cut_off()
    {
        var (run, html, report) = await DiscoverAsync(PlainCopy([]));

        long before = report.ContextBefore, after = report.ContextAfter;
        after.Should().BeLessThan(before, "the whole 108 KB service log the Read put into the context is digested");
        run.Out.Should().Contain($"{Format.Bytes(before - after)} fewer bytes into context with dm").And.Contain(" fewer input tokens ≈ ")
            .And.NotContain("more bytes into context");
        foreach (var r in report.Results.Where(r => r.Replay.Ran && r.Replay.InputBytes > DistributedModel.Core.Logging.NativeContext.PreviewChars))
            run.Out.Should().Contain($"{r.Call.Tool} {Format.Bytes(r.Replay.InputBytes)} raw: {Format.Bytes(r.ContextBefore)} ", "each large output's raw size is in the text");
        html.Should().Contain("<div class=\"score fewer\">").And.NotContain("score more");

        // The per-session chart: every label, at its start, fits inside the drawing at the widest a glyph of its font takes.
        var chart = XElement.Parse(Regex.Match(html, "<svg[^>]*aria-label=\"Context per session\".*?</svg>", RegexOptions.Singleline).Value);
        double width = double.Parse(chart.Attribute("viewBox")!.Value.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        var labels = chart.Elements().Where(e => e.Name.LocalName == "text" && (string?)e.Attribute("text-anchor") == "start" && (string?)e.Attribute("class") == "lbl").ToList();
        labels.Should().HaveCount(report.Replayed.Count + 2, "one per session and the legend's two");
        foreach (var label in labels)
        {
            double x = double.Parse(label.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            (x + label.Value.Length * HtmlDiscoverWriter.LabelCharWidth).Should().BeLessThanOrEqualTo(width, $"\"{label.Value}\" is not cut off");
        }
        labels[^1].Value.Should().Be(HtmlDiscoverWriter.SessionLabel(report.Sessions.Single()))
            .And.EndWith(ContextWords.Seen(report.SurfacedErrors, report.SurfacedWarnings) + " shown");
    }
}
