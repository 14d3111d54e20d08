using System.Text.RegularExpressions;
using DistributedModel.Compression;
using DistributedModel.Testing.Corpus;
using Xunit.Abstractions;

namespace DistributedModel.Compression.Tests.Classification;

/// <summary>Issue 27.3: every failing test is named in the digest of a real test run when the names fit in half the budget.</summary>
public partial class FailingTestTests(ITestOutputHelper output)
{
    [Theory] // lines of the real runs in the corpus
    [InlineData("FAILED tests/test_tax.py::test_tax_case_16 - IndexError: list index out of range", "tests/test_tax.py::test_tax_case_16")]
    [InlineData("tests/test_auth.py::test_auth_case_0 FAILED                              [  0%]", "tests/test_auth.py::test_auth_case_0")]
    [InlineData("  Failed Shop.Tests.PricingTests.Rounding_is_banker(x: 1) [6 ms]", "Shop.Tests.PricingTests.Rounding_is_banker(x: 1)")]
    [InlineData("  Failed Shop.Tests.PricingTests.Null_customer_is_rejected [< 1 ms]", "Shop.Tests.PricingTests.Null_customer_is_rejected")]
    [InlineData("[xUnit.net 00:00:01.02]     Shop.Tests.PricingTests.Totals_add_up [FAIL]", "Shop.Tests.PricingTests.Totals_add_up")]
    [InlineData("test tests::overflow_panics ... FAILED", "tests::overflow_panics")]
    public void A_failing_test_line_gives_the_tests_name(string line, string id) => FailingTest.Id(line).ToString().Should().Be(id);

    [Theory]
    [InlineData("         Failed to load prune package data from PrunePackageData folder, loading from targeting packs instead")]
    [InlineData("     1>Done Building Project \"/tmp/realtest/realtest.csproj\" (VSTest target(s)) -- FAILED.")]
    [InlineData("test result: FAILED. 30 passed; 3 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.61s")]
    [InlineData("tests/test_auth.py::test_auth_case_1 PASSED                              [  0%]")]
    [InlineData("Build FAILED.")]
    public void Other_lines_name_no_test(string line) => FailingTest.Id(line).IsEmpty.Should().BeTrue();

    [Theory]
    [InlineData("pytest-v-failing", 43)]
    [InlineData("dotnet-test-failing", 4)]
    [InlineData("cargo-test-failing", 3)]
    public void Every_failing_test_of_a_real_run_is_named_in_its_digest(string name, int failing)
    {
        var input = RealOutputs.Load(name);
        var result = OutputCompressor.Compress(input, new CompressionOptions { FullOutputPath = "/r/raw.txt" });
        // The runner's own summary lines, by this test's patterns: pytest's short summary, dotnet test's "Failed X [t]", cargo's "test X ... FAILED".
        var names = SummaryRegex().Matches(input).Select(static m => m.Groups["name"].Value).Distinct().ToList();
        names.Should().HaveCount(failing, "the run is what SOURCES.md says");
        var missing = names.Where(n => !result.Text.Contains(n, StringComparison.Ordinal)).ToList();
        output.WriteLine($"{name}: {names.Count - missing.Count} of {names.Count} failing tests named in {result.OutputBytes:N0} bytes");
        missing.Should().BeEmpty();
    }

    [GeneratedRegex(@"^(?:FAILED (?<name>\S+::\S+) - |  Failed (?<name>\S+(?:\(.*\))?) \[|test (?<name>\S+) \.\.\. FAILED$)", RegexOptions.Multiline)]
    private static partial Regex SummaryRegex();
}
