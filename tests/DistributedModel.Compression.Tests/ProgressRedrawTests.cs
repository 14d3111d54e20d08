using System.Globalization;
using System.Text;

namespace DistributedModel.Compression.Tests;

/// <summary>
/// Issue 26.11: an error that a progress bar redraws over on the same line (<c>Error: …\r[####] 100%</c>, as npm, pip,
/// cargo and curl draw their bars), or that follows an <c>ESC E</c> / <c>ESC D</c> / <c>ESC M</c> / <c>U+0085</c> line move,
/// lost its text and was not counted. What must survive: the error's text, verbatim, counted once in the result (and
/// in the header of a digest), whether the output is only cleaned or digested.
/// </summary>
public class ProgressRedrawTests
{
    private const string Error = "Error: EACCES: permission denied, open '/usr/lib/node_modules/x/package.json'";

    /// <summary>curl -# as it printed on this machine (curl 7.88, a 3 MB download over loopback).</summary>
    private const string CurlBar = "\r#                                                                          2.2%\r######################################################################## 100.0%";

    private static string Bar(int redraws)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < redraws; i++) sb.Append(CultureInfo.InvariantCulture, $"\r[{new string('#', i % 20),-20}] {i % 100}%");
        return sb.ToString();
    }

    private static string Fetches(string name, int count)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++) sb.Append(CultureInfo.InvariantCulture, $"npm http fetch GET 200 https://registry.npmjs.org/{name}-{i} {i * 7 % 90}ms (cache hit)\n");
        return sb.ToString();
    }

    public static TheoryData<string, string> Shapes() => new()
    {
        { "error, then curl's bar redrawn over it", Error + CurlBar + "\n" },
        { "error, then a bar, on a CRLF line", Error + Bar(40) + "\r\n" },
        { "ESC E before the error", "[####################] done\u001bE" + Error + "\n" },
        { "ESC D before the error", "[####################] done\u001bD" + Error + "\n" },
        { "ESC M before the error", "[####################] done\u001bM" + Error + "\n" },
        { "C1 NEL before the error", "[####################] done\u0085" + Error + "\n" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_cleaned_output_keeps_and_counts_the_error(string shape, string errorLine)
    {
        // 300 redraws of a bar before it: over the pass-through size, within the budget once collapsed.
        var input = "Fetching 3 packages" + Bar(300) + "\n" + errorLine + "done\n";
        var result = OutputCompressor.Compress(input);
        result.Kind.Should().Be(CompressionKind.Cleaned, shape);
        result.Text.Split('\n').Should().Contain(l => l.StartsWith(Error, StringComparison.Ordinal), shape);
        result.ErrorLines.Should().Be(1, shape);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_digest_keeps_the_error_and_counts_it_in_its_header(string shape, string errorLine)
    {
        var input = Fetches("pkg", 200) + errorLine + Fetches("dep", 100);
        var result = OutputCompressor.Compress(input);
        result.Kind.Should().Be(CompressionKind.Digest, shape);
        var lines = result.Text.Split('\n');
        lines[0].Should().Contain("· 1 error ·", shape);
        lines.Should().Contain(l => l.StartsWith(Error, StringComparison.Ordinal), shape);
        result.KeptErrors.Should().Be(1, shape);
        result.OutputBytes.Should().BeLessThanOrEqualTo(8192);
    }

    [Fact]
    public void A_bar_alone_still_collapses_to_its_final_state()
    {
        var input = "Fetching 3 packages" + Bar(300) + "\ndone\n";
        var result = OutputCompressor.Compress(input);
        result.Text.Should().Be("[################### ] 99%\ndone\n");
    }
}
