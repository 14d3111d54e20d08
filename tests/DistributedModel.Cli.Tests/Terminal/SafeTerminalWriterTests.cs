using DistributedModel.Cli.Terminal;

namespace DistributedModel.Cli.Tests.Terminal;

public sealed class SafeTerminalWriterTests
{
    [Theory]
    [InlineData("plain text, é ✓ and a\ttab", "plain text, é ✓ and a\ttab")]
    [InlineData("\u001b]52;c;ZXZpbA==\u0007", "\\x1B]52;c;ZXZpbA==\\x07")]
    [InlineData("title\u001b]0;x\u001b\\", "title\\x1B]0;x\\x1B\\")]
    [InlineData("over\rwrite", "over\\x0Dwrite")]
    [InlineData("csi\u009b2J del\u007f nul\0", "csi\\u009B2J del\\x7F nul\\x00")]
    [InlineData("\u001bE next-line Error", "\\x1BE next-line Error")]
    public void Control_characters_become_visible_text(string input, string expected) =>
        SafeTerminalWriter.Sanitize(input).Should().Be(expected);

    [Fact]
    public void Lines_written_through_it_keep_their_own_line_breaks_and_lose_every_escape()
    {
        var inner = new StringWriter { NewLine = "\n" };
        var w = new SafeTerminalWriter(inner);

        w.WriteLine("a\u001b[31m");
        w.Write('\u001b');
        w.Write("b\nc".AsSpan());
        w.WriteLine();

        inner.ToString().Should().Be("a\\x1B[31m\n\\x1Bb\nc\n");
    }
}
