using DistributedModel.Testing.Corpus;

namespace DistributedModel.Compression.Tests.Classification;

/// <summary><see cref="LineClassifier.ClassifyDefinite"/> is a shortcut for grouped digests: it must give exactly
/// <see cref="LineClassifier.Classify(ReadOnlySpan{char}, out int, out bool)"/>'s answer on every definite error and
/// warning, and must never make any other line one.</summary>
public sealed class ClassifyDefiniteTests
{
    public static TheoryData<string> CorpusNames() => [.. RealOutputs.Names()];

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void The_shortcut_agrees_with_the_full_classification_on_every_line_of_real_output(string name)
    {
        int definite = 0;
        foreach (var line in RealOutputs.Load(name).Split('\n')) definite += Check(line);
        // Guards against a corpus item the shortcut never has to get right: most items hold definite diagnostics.
        if (name is "dotnet-build-detailed" or "grep-rn-go" or "python-traceback")
            definite.Should().BePositive($"{name} holds definite errors or warnings");
    }

    [Theory]
    [InlineData("src/a.cs(3,5): error CS0103: The name 'x' does not exist")]
    [InlineData("Build FAILED. error CS0103")]
    [InlineData("pkg/x.go:12:\treturn fmt.Errorf(\"could not open: %w\", err)")]
    [InlineData("KeyError: 'total'")]
    [InlineData("GET /x HTTP/1.1\" 503 12")]
    [InlineData("2026-01-01 12:00:00 WARN disk almost full")]
    [InlineData("warning: unused variable `x`")]
    [InlineData("0 errors, 3 warnings generated")]
    [InlineData("the request timed out")]
    public void The_shortcut_agrees_on_lines_of_every_kind(string line) => Check(line);

    private static int Check(string line)
    {
        var full = LineClassifier.Default.Classify(line, out int at, out bool sure);
        var fast = LineClassifier.Default.ClassifyDefinite(line, out int fastAt, out bool fastSure);
        bool counted = sure && full is Severity.Error or Severity.Warning;
        if (counted)
        {
            (fast, fastAt, fastSure).Should().Be((full, at, sure), line);
            return 1;
        }
        (fastSure && fast is Severity.Error or Severity.Warning).Should().BeFalse(line);
        return 0;
    }
}
