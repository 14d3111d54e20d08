using DistributedModel.Compression.Selection;
using DistributedModel.Testing.Corpus;
using DistributedModel.Testing.Samples;

namespace DistributedModel.Compression.Tests.Selection;

public sealed class OutputShapeTests
{
    [Theory]
    [InlineData("./binding/json.go:9:\t\"errors\"", "./binding/json.go")] // grep -rn (real line from Corpus/grep-rn-go)
    [InlineData("logs/orders-0.log:[07:00:00] INFO GET /api/orders", "logs/orders-0.log")] // grep -r without -n
    public void Grep_lines_are_keyed_by_their_file(string line, string file) =>
        OutputShape.GrepKey(line).ToString().Should().Be(file);

    [Theory]
    [InlineData("tests/test_orders.py::test_order_case_0 PASSED                    [  0%]")] // pytest -v node id
    [InlineData("src/lib.rs::tests::it_works")]
    [InlineData("https://example.com/a: 404")]
    [InlineData("error CS0103: The name 'x' does not exist")]
    public void Lines_that_only_look_like_grep_are_not(string line) =>
        OutputShape.GrepKey(line).IsEmpty.Should().BeTrue();

    [Fact]
    public void A_pytest_run_is_a_digest_not_a_grep_and_keeps_its_failures()
    {
        // Regression: `tests/x.py::test_y PASSED` lines made a pytest -v run look like `grep -r` output, and the grouped
        // digest kept 1.1 KB of the 8 KB budget, dropping both FAILED lines and the summary.
        var sample = SampleOutputs.PytestFailure();

        var result = OutputCompressor.Compress(sample.Text);

        result.Kind.Should().Be(CompressionKind.Digest);
        foreach (var line in sample.MustSurvive) result.Text.Should().Contain(line);
    }

    [Fact]
    public void A_real_grep_rn_is_detected_as_grep()
    {
        var lines = RealOutputs.Load("grep-rn-go").Split('\n').Select(static l => l.AsMemory()).ToList();

        OutputShape.Detect(lines).Should().Be(CompressionKind.Grep);
    }
}
