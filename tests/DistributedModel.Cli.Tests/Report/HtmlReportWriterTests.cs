using System.Text.RegularExpressions;
using System.Xml.Linq;
using DistributedModel.Cli.Report;
using DistributedModel.Cli.Tests.Support;
using DistributedModel.Core.Logging;

namespace DistributedModel.Cli.Tests.Report;

public sealed class HtmlReportWriterTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<string> RenderPassingWeek()
    {
        SyntheticLogs.WritePassingWeek(_h.Repo, CliHarness.Now);
        var run = await _h.RunAsync("report", "--html", "report.html");
        run.ExitCode.Should().Be(0, run.ToString());
        return File.ReadAllText(_h.RepoFile("report.html"));
    }

    [Fact]
    public async Task Html_report_holds_one_chart_per_topic_as_inline_svg()
    {
        var html = await RenderPassingWeek();

        foreach (var title in new[] { "Hook latency distribution per hook", "Raw output and bytes into context per day", "Spend per lane vs all-orchestrator baseline", "Spend per provider", "Specialist fallback rate per day" })
            html.Should().Contain($"aria-label=\"{title}\"");
        Regex.Matches(html, "<svg class=\"chart\"").Count.Should().Be(5);
        Regex.Matches(html, "<rect ").Count.Should().BeGreaterThan(40, "the charts draw real bars");
    }

    [Fact]
    public async Task Html_report_shows_the_measured_numbers_and_the_verdict()
    {
        var html = await RenderPassingWeek();

        html.Should().Contain("Ready to promote").And.Contain("PROMOTE").And.Contain("6/6");
        html.Should().Contain("-80.0%", "context reduction 100 000 → 20 000 bytes per call");
        html.Should().Contain("98.0%").And.Contain("49 of 50 requests first try");
        html.Should().Contain("$0.5000 spent vs $2.50 on the orchestrator");
        html.Should().Contain("gemini").And.Contain("openai").And.Contain("deepseek");
        html.Should().Contain("<h2>Decision records</h2>").And.Contain("<span class=\"pill v-modify\">MODIFY</span>");
        System.Text.RegularExpressions.Regex.Matches(html, "<code>audits/[^<]+\\.md</code>").Count.Should().Be(2);
    }

    [Fact]
    public async Task Html_report_is_self_contained_and_well_formed()
    {
        var html = await RenderPassingWeek();

        html.Should().NotContain("<script").And.NotContain("<link").And.NotContain("src=\"http").And.NotContain("url(");
        html.Should().NotContain("NaN").And.NotContain("Infinity");
        // Every SVG is well-formed XML.
        foreach (Match m in Regex.Matches(html, "<svg.*?</svg>", RegexOptions.Singleline))
            FluentActions.Invoking(() => XElement.Parse(m.Value)).Should().NotThrow();
    }

    [Fact]
    public async Task Html_report_of_empty_logs_still_renders_every_card_with_a_message()
    {
        var run = await _h.RunAsync("report", "--html", "empty.html");

        run.ExitCode.Should().Be(1);
        var html = File.ReadAllText(_h.RepoFile("empty.html"));
        html.Should().Contain("Keep iterating").And.Contain("no hook calls in the window").And.Contain("no provider calls in the window");
        html.Should().NotContain("NaN");
    }

    [Fact]
    public void Each_KPI_card_shows_its_own_target_whatever_the_order_of_the_targets()
    {
        // What must survive: the five KPI cards read their rows by key, so reordering Targets changes only the table.
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var review = ReviewCalculator.Compute(
            [new() { Timestamp = now.AddHours(-1), Event = HookEvents.PostToolUse, InputBytes = 1000, OutputBytes = 100, ElapsedMs = 70, Outcome = HookOutcomes.Compressed }],
            [], [], now, 7, now.AddDays(-8), 0);
        var reversed = review with { Targets = [.. review.Targets.Reverse()] };

        static string Kpis(string html) => html[html.IndexOf("<section class=\"kpis\">", StringComparison.Ordinal)..html.IndexOf("<section class=\"charts\">", StringComparison.Ordinal)];
        var kpis = Kpis(HtmlReportWriter.Render(review, "/repo"));

        Kpis(HtmlReportWriter.Render(reversed, "/repo")).Should().Be(kpis);
        kpis.Should().Contain("Hook latency p95 PostToolUse").And.Contain("70 ms");
    }
}
