using DistributedModel.Compression.Steps;

namespace DistributedModel.Compression.Tests.Steps;

public class AnsiStripperTests
{
    [Fact]
    public void Removes_colour_cursor_and_hyperlink_sequences()
    {
        var text = "\u001b[1;31merror\u001b[0m \u001b[2K\u001b[1Gdone \u001b]8;;https://x.dev\u0007link\u001b]8;;\u0007 \u001b(Bplain";
        AnsiStripper.Strip(text).Should().Be("error done link plain");
    }

    [Fact]
    public void Leaves_text_without_escapes_as_the_same_instance()
    {
        const string text = "nothing to strip";
        AnsiStripper.Strip(text).Should().BeSameAs(text);
    }

    [Theory]
    [InlineData("plain\nlines\n")]
    [InlineData("\u001b[32mok\u001b[0m\n\u001b[31mfail\u001b[0m")]
    [InlineData("last line is only an escape\n\u001b[0m")]
    [InlineData("unfinished \u001b[31\nnext \u009b line\n\n")]
    [InlineData("osc spans \u001b]8;;https://x.dev\nline break\u0007 here\n")]
    [InlineData("\n")]
    public void Stripping_line_by_line_equals_stripping_the_whole_text_then_splitting(string text)
    {
        var stripped = AnsiStripper.Strip(text);
        var expected = stripped.Split('\n').ToList();
        if (stripped.EndsWith('\n')) expected.RemoveAt(expected.Count - 1);

        AnsiStripper.StripLines(text, out bool endsWithNewline).Select(l => l.ToString()).Should().Equal(expected);
        endsWithNewline.Should().Be(stripped.EndsWith('\n'));
    }
}

public class CarriageReturnCollapserTests
{
    [Theory]
    [InlineData("10%\r50%\r100% done", "100% done")]
    [InlineData("line with crlf\r", "line with crlf")]
    [InlineData("progress 99%\r   \r", "progress 99%")]
    [InlineData("no carriage return", "no carriage return")]
    public void Keeps_the_final_state_of_a_rewritten_line(string input, string expected) =>
        CarriageReturnCollapser.FinalState(input).Should().Be(expected);
}

public class BlankRunCollapserTests
{
    [Fact]
    public void Collapses_blank_runs_and_trims_the_ends()
    {
        BlankRunCollapser.Collapse(["", "a", "", "  ", "", "b", "", ""]).Should().Equal("a", "", "b");
    }
}

public class ExactRepeatCollapserTests
{
    [Fact]
    public void Counts_consecutive_identical_lines()
    {
        ExactRepeatCollapser.Collapse(["x", "y", "y", "y", "x"]).Should().Equal("x", "y  [×3]", "x");
    }
}

public class LineTemplateTests
{
    [Theory]
    [InlineData("GET /api/orders/123 in 45 ms", "GET /api/orders/999 in 2 ms")]
    [InlineData("2026-11-23T06:00:00.137Z INFO req-0a3f1 ok", "2026-11-23T07:12:09.001Z INFO req-ff001 ok")]
    [InlineData("id 3f2a9c1e-0b7d-4c55-9e1a-6d2c8b7a0f11 done", "id 0a1b2c3d-4e5f-6789-abcd-ef0123456789 done")]
    [InlineData("copy /a/b/c.dll to out", "copy /x/y.dll to out")]
    public void Lines_differing_only_in_numbers_ids_times_or_paths_share_a_template(string a, string b) =>
        LineTemplate.Of(a).Should().Be(LineTemplate.Of(b));

    [Fact]
    public void Lines_differing_in_words_have_different_templates() =>
        LineTemplate.Of("Compiling Orders").Should().NotBe(LineTemplate.Of("Compiling Invoices"));
}

public class NearRepeatCollapserTests
{
    [Fact]
    public void Keeps_first_and_last_exemplar_with_a_count_and_never_touches_important_lines()
    {
        var lines = new List<Line>
        {
            Line.Classify("GET /a/1 200 in 3 ms"),
            Line.Classify("GET /a/2 200 in 5 ms"),
            Line.Classify("src/x.cs(1,2): error CS1: bad"),
            Line.Classify("GET /a/3 200 in 7 ms"),
            Line.Classify("GET /a/4 200 in 9 ms"),
        };
        NearRepeatCollapser.Collapse(lines, 3).Select(l => l.Text).Should().Equal(
            "GET /a/1 200 in 3 ms", "[… 2 similar lines collapsed; last one below]", "src/x.cs(1,2): error CS1: bad", "GET /a/4 200 in 9 ms");
    }
}

public class PassingTestCollapserTests
{
    [Theory]
    [InlineData("tests/test_a.py::test_x PASSED     [ 10%]")]
    [InlineData("  ✓ renders (3 ms)")]
    [InlineData("test a::b ... ok")]
    [InlineData("--- PASS: TestOrders (0.00s)")]
    [InlineData("ok 12 - adds numbers")]
    [InlineData("   ok 3 indented tap")]
    [InlineData("test it_works ... ok")]
    [InlineData("[ OK ] Suite.Case (0 ms)")]
    [InlineData("  [  PASSED  ] 3 tests.")]
    [InlineData("\t[PASS] parses input")]
    [InlineData("ok  \tgithub.com/acme/orders\t0.012s")]
    public void Recognises_passing_test_lines(string line) => PassingTestCollapser.IsPassingTestLine(line).Should().BeTrue();

    [Theory]
    [InlineData("tests/test_a.py::test_x FAILED     [ 10%]")]
    [InlineData("test a::b ... FAILED")]
    [InlineData("--- FAIL: TestOrders (0.00s)")]
    [InlineData("not ok 4 - broken")]
    [InlineData(" test it_works ... ok")]
    [InlineData("okay 12 fine")]
    [InlineData("[ FAILED ] Suite.Case")]
    [InlineData("Compiling Core/Generated/File0001.g.cs (12 KB)")]
    public void Does_not_treat_failures_as_passing(string line) => PassingTestCollapser.IsPassingTestLine(line).Should().BeFalse();

    [Fact]
    public void Replaces_passing_lines_with_one_count_where_the_first_was()
    {
        var lines = new List<Line> { Line.Classify("start"), Line.Classify("  ✓ a (1 ms)"), Line.Classify("  ✓ b (1 ms)"), Line.Classify("FAIL x.test.ts") };
        PassingTestCollapser.Collapse(lines).Select(l => l.Text).Should().Equal("start", "[… 2 passing test lines collapsed]", "FAIL x.test.ts");
    }
}

public class LongLineShortenerTests
{
    [Fact]
    public void Cuts_the_middle_keeps_the_start_and_stays_within_the_limit()
    {
        var line = "src/a.cs:12: " + new string('x', 5000);
        var shortened = LongLineShortener.Shorten(line, 1024);
        shortened.Length.Should().BeLessThanOrEqualTo(1024);
        shortened.Should().StartWith("src/a.cs:12: ").And.Contain("chars elided");
        LongLineShortener.Shorten(shortened, 1024).Should().Be(shortened);
    }
}

public class BudgetWindowTests
{
    [Fact]
    public void Keeps_head_tail_and_important_lines_with_elision_markers()
    {
        var lines = Enumerable.Range(0, 100).Select(i => Line.Classify(i == 50 ? "fatal: broken" : $"plain {i}")).ToList();
        var result = BudgetWindow.Apply(lines, 3, 2, "raw.log", out int elided).Select(l => l.Text).ToList();
        result.Should().Equal("plain 0", "plain 1", "plain 2", "[… 47 lines elided — full output: raw.log]", "fatal: broken",
            "[… 47 lines elided — full output: raw.log]", "plain 98", "plain 99");
        elided.Should().Be(94);
    }
}
