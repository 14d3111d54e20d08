using System.Text.RegularExpressions;
using DistributedModel.Compression;
using DistributedModel.Testing.Corpus;
using Xunit.Abstractions;

namespace DistributedModel.Compression.Tests.Selection;

/// <summary>
/// Issue 27.3 on real `dotnet build -v:d` outputs: every distinct compiler diagnostic (file, line, column, code) reaches
/// the digest, and MSBuild's start-up chatter does not take the budget. The diagnostics and the chatter are found by this
/// test's own patterns, not the engine's.
/// </summary>
public partial class BuildDiagnosticsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("dotnet-build-13-files", 39)] // 2 errors and 37 warnings over 13 files
    [InlineData("dotnet-build-detailed", 11)] // 2 errors and 10 warnings, two of them at Program.cs(8,12)
    public void Every_distinct_diagnostic_is_in_the_digest_and_no_start_up_chatter(string name, int distinct)
    {
        var input = RealOutputs.Load(name);
        var result = OutputCompressor.Compress(input, new CompressionOptions { FullOutputPath = "/r/raw.txt" });
        result.Changed.Should().BeTrue();
        var keys = DiagnosticRegex().Matches(input).Select(static m => m.Value).Distinct().ToList();
        keys.Should().HaveCount(distinct, "the corpus file is what SOURCES.md says");
        var missing = keys.Where(k => !result.Text.Contains(k, StringComparison.Ordinal)).ToList();
        output.WriteLine($"{name}: {keys.Count - missing.Count} of {keys.Count} diagnostics in {result.OutputBytes:N0} bytes");
        missing.Should().BeEmpty();

        var chatter = result.Text.Split('\n').Where(static l => ChatterRegex().IsMatch(l)).ToList();
        ChatterRegex().Matches(input).Count.Should().BeGreaterThan(10, "the input has the chatter");
        chatter.Should().BeEmpty("MSBuild's start-up lines rank below everything and these fill no budget here");
    }

    [Fact]
    public void A_successful_detailed_build_claims_no_errors_for_its_resolver_chatter()
    {
        var input = RealOutputs.Load("dotnet-build-detailed-ok");
        input.Split('\n').Count(static l => LineClassifier.Default.Classify(l) == Severity.Error)
            .Should().BeGreaterThan(0, "its 'Errors: MSB4276: …' resolver lines read as errors by their words");
        var header = OutputCompressor.Compress(input).Text.Split('\n')[0];
        header.Should().NotContain(" error").And.NotContain("failure kinds", "a build that succeeded (0 Error(s)) has no errors: " + header);
    }

    /// <summary><c>Program.cs(7,34): error CS0103</c></summary>
    [GeneratedRegex(@"[\w.-]+\.cs\(\d+,\d+\): (?:error|warning) [A-Z]+\d+")]
    private static partial Regex DiagnosticRegex();

    [GeneratedRegex(@"^\s+(?:\d+>)?(?:Process = |Command line arguments = |MSBuild executable path = |Assembly loaded during |Current directory = )", RegexOptions.Multiline)]
    private static partial Regex ChatterRegex();
}
