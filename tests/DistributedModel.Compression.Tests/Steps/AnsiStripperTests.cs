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
}
