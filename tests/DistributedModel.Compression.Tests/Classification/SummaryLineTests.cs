using DistributedModel.Compression;
using DistributedModel.Testing.Corpus;

namespace DistributedModel.Compression.Tests.Classification;

/// <summary>
/// <see cref="SummaryLine.Is"/> checks a cheap necessary condition before its regex. The shortcut must never change an
/// answer: on every line of every real output in the corpus (builds, tests, npm, git, grep, sixteen service logs) and on
/// summaries of every kind the regex knows, the answer with and without it is the same.
/// </summary>
public class SummaryLineTests
{
    public static TheoryData<string> CorpusNames() => [.. RealOutputs.Names()];

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void The_shortcut_gives_the_regex_answer_on_every_line_of_real_output(string name)
    {
        var lines = RealOutputs.Load(name).Split('\n');
        lines.Should().HaveCountGreaterThan(40);
        foreach (var line in lines) SummaryLine.Is(line).Should().Be(SummaryLine.IsWithoutShortcut(line), line);
    }

    [Fact]
    public void The_corpus_holds_summaries_for_the_shortcut_to_keep()
    {
        // Guards the test above from passing on outputs without a single summary.
        var summaries = RealOutputs.Names().SelectMany(static n => RealOutputs.Load(n).Split('\n')).Count(static l => SummaryLine.IsWithoutShortcut(l));
        summaries.Should().BeGreaterThanOrEqualTo(10, "the corpus holds 15 (build, test, npm and cargo summaries)");
    }

    [Theory]
    [InlineData("Build FAILED.")]
    [InlineData("Build succeeded.")]
    [InlineData("    2 Error(s)")]
    [InlineData("test result: FAILED. 30 passed; 3 failed; 0 ignored")]
    [InlineData("Failed!  - Failed:     4, Passed:   122, Skipped:     0, Total:   126")]
    [InlineData("Passed!  - Failed:     0, Passed:    60")]
    [InlineData("========== 3 failed, 120 passed in 2.10s ==========")]
    [InlineData("==== no tests ran in 0.01s ====")]
    [InlineData("added 211 packages in 9s")]
    [InlineData("up to date, audited 12 packages in 800ms")]
    [InlineData("Process completed with exit code 1.")]
    [InlineData("Process finished with exit code")]
    [InlineData("make: *** [all] Error 2, exit status 2")]
    [InlineData("error: command failed with non-zero exit status")]
    [InlineData("Time Elapsed 00:00:11.71")]
    [InlineData("Tests:       1 failed, 2 passed, 3 total")]
    [InlineData("Test Suites: 1 failed, 1 total")]
    [InlineData("Total tests: 12")]
    [InlineData("Found 3 errors in 2 files.")]
    [InlineData("17 warnings generated.")]
    [InlineData("Test Run Failed.")]
    [InlineData("Exit code: 137")]
    [InlineData("٣ passed")]
    [InlineData("Found 2 errors in 1 file")]
    [InlineData("1 failed, 4 xfailed, 2 xpassed, 1 deselected in 0.2s")]
    [InlineData("2 warnings generated.")]
    [InlineData("Tests:       3  todo, 5\t\tpassed")]
    public void Every_kind_of_summary_passes_the_shortcut(string line)
    {
        SummaryLine.IsWithoutShortcut(line).Should().Be(SummaryLine.Is(line), line);
        if (line != "٣ passed") SummaryLine.Is(line).Should().BeTrue(line);
    }
}
