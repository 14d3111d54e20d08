using System.Text.RegularExpressions;
using DistributedModel.Cli.Adr;
using DistributedModel.Cli.Tests.Support;

namespace DistributedModel.Cli.Tests.Adr;

public sealed class AdrPreviewCommandTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    private const string Record = """
        ---
        date: 2026-11-23
        kind: tribunal
        verdict: MODIFY
        providers: openai,gemini,deepseek
        ---
        # Route `summarize` to Gemini <Flash>

        ## Context
        Logs fill the context.

        ## Option A: Gemini Flash (chosen)
        Cheap and long context.
        ### Pros
        - Lowest price
        - Long window
        ### Cons
        - Two keys

        ## Option B: DeepSeek only
        ### Pros
        - One key
        ### Cons
        - No fallback
        - Smaller window

        ## Decision
        Option A with a $5/day cap.
        """;

    [Fact]
    public void Parser_reads_options_with_pros_cons_and_the_chosen_one()
    {
        var doc = AdrDocument.Parse(Record, "x.md");

        doc.Title.Should().Be("Route `summarize` to Gemini <Flash>");
        doc.Fields["verdict"].Should().Be("MODIFY");
        doc.Options.Select(o => (o.Id, o.Name, o.Chosen)).Should().Equal(("A", "Gemini Flash", true), ("B", "DeepSeek only", false));
        doc.Options[0].Pros.Should().Equal("Lowest price", "Long window");
        doc.Options[1].Cons.Should().Equal("No fallback", "Smaller window");
        doc.Options[0].Summary.Should().Be("Cheap and long context.");
        doc.Sections.Select(s => s.Heading).Should().Equal("Context", "Decision");
    }

    [Fact]
    public async Task Preview_renders_the_options_side_by_side_escaped()
    {
        _h.WriteRepo("audits/2026-11-23-route-summarize.md", Record);

        var run = await _h.RunAsync("adr", "preview", "audits/2026-11-23-route-summarize.md", "--html", "preview.html");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain("2 option(s) side by side");
        var html = File.ReadAllText(_h.RepoFile("preview.html"));
        html.Should().Contain("grid-template-columns:repeat(2,1fr)");
        Regex.Matches(html, "<article class=\"option").Count.Should().Be(2);
        html.Should().Contain("<article class=\"option chosen\">");
        Regex.Matches(html, "<ul class=\"pros\"><li>").Count.Should().Be(2);
        html.Should().Contain("<li>No fallback</li><li>Smaller window</li>");
        html.Should().Contain("&lt;Flash&gt;").And.Contain("<code>summarize</code>").And.NotContain("<Flash>");
        html.Should().Contain(">MODIFY<").And.Contain("Option A with a $5/day cap.");
    }

    [Fact]
    public async Task Preview_of_a_missing_file_is_a_usage_error()
    {
        var run = await _h.RunAsync("adr", "preview", "audits/nope.md", "--html", "p.html");

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("nope.md").And.Contain("does not exist");
    }
}
