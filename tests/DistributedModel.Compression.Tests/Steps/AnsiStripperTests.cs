using DistributedModel.Compression.Steps;

namespace DistributedModel.Compression.Tests.Steps;

public class AnsiStripperTests
{
    [Fact]
    public void Colours_cursor_moves_and_terminated_titles_are_removed()
    {
        AnsiStripper.Strip("\u001b[31merror\u001b[0m \u001b]0;title\u0007done \u001b[2K\u001b[1Gok").Should().Be("error done ok");
    }

    [Fact]
    public void An_unterminated_OSC_ends_at_the_line_end_and_swallows_no_error_lines()
    {
        // issue 11 item 4: "ESC ] 0;title" with no BEL/ST used to delete everything up to the next ESC.
        var text = "\u001b]0;build\nsrc/a.cs(1,1): error CS0001: one\nsrc/b.cs(2,2): error CS0002: two\n\u001b[32mdone\u001b[0m\n";
        var lines = AnsiStripper.StripLines(text, out bool endsWithNewline).Select(static l => l.ToString()).ToList();
        lines.Should().Equal("", "src/a.cs(1,1): error CS0001: one", "src/b.cs(2,2): error CS0002: two", "done");
        endsWithNewline.Should().BeTrue();
        AnsiStripper.Strip(text).Should().Contain("error CS0001: one").And.Contain("error CS0002: two");
    }

    [Fact]
    public void Lines_without_escapes_are_slices_of_the_input()
    {
        var text = "plain\n\u001b[1mbold\u001b[0m\n";
        var lines = AnsiStripper.StripLines(text, out _);
        lines.Select(static l => l.ToString()).Should().Equal("plain", "bold");
    }

    [Theory]
    [InlineData("\u001bE")] // NEL
    [InlineData("\u001bD")] // IND
    [InlineData("\u001bM")] // RI
    [InlineData("\u0085")] // C1 NEL
    public void Escapes_that_move_to_another_line_end_the_line(string escape)
    {
        // Issue 26.11: "ESC E" before "Error" was removed, gluing "Error" to the word before it ("doneError:"), so no
        // error was found.
        var text = "\u001b[32mfetched\u001b[0m 3 packages, done" + escape + "Error: EACCES: permission denied\nnext\n";
        var offsets = new List<int>();
        var lines = AnsiStripper.StripLines(text, out bool endsWithNewline, offsets).Select(static l => l.ToString()).ToList();
        lines.Should().Equal("fetched 3 packages, done", "Error: EACCES: permission denied", "next");
        endsWithNewline.Should().BeTrue();
        offsets.Should().Equal(0, text.IndexOf("Error", StringComparison.Ordinal), text.IndexOf("next", StringComparison.Ordinal));
        AnsiStripper.Strip(text).Should().Be("fetched 3 packages, done\nError: EACCES: permission denied\nnext\n");
        LineClassifier.Default.Classify(lines[1]).Should().Be(Severity.Error);
    }

    [Fact]
    public void Offsets_of_plain_and_stripped_lines_are_where_they_start()
    {
        var text = "plain\n\u001b[1mbold\u001b[0m\n\nlast";
        var offsets = new List<int>();
        AnsiStripper.StripLines(text, out bool endsWithNewline, offsets).Select(static l => l.ToString()).Should().Equal("plain", "bold", "", "last");
        offsets.Should().Equal(0, 6, 19, 20);
        endsWithNewline.Should().BeFalse();
    }
}
