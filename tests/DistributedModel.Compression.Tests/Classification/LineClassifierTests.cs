using DistributedModel.Compression;

namespace DistributedModel.Compression.Tests.Classification;

public class LineClassifierTests
{
    private static Severity Classify(string line) => LineClassifier.Default.Classify(line);

    [Theory]
    // compilers and build tools
    [InlineData("/src/Program.cs(19,27): error CS0103: The name 'totl' does not exist in the current context [/src/app.csproj]")]
    [InlineData("src/main.c:3:5: error: expected ';' before 'return'")]
    [InlineData("error[E0308]: mismatched types")]
    [InlineData("error: test failed, to rerun pass `--lib`")]
    [InlineData("fatal: not a git repository (or any of the parent directories): .git")]
    [InlineData("npm error code ERESOLVE")]
    [InlineData("npm ERR! 404 Not Found - GET https://registry.npmjs.org/nope")]
    // runtimes and tests
    [InlineData("KeyError: 'total'")]
    [InlineData("Traceback (most recent call last):")]
    [InlineData("      System.Collections.Generic.KeyNotFoundException : The given key 'missing' was not present in the dictionary.")]
    [InlineData("Exception in thread \"main\" java.lang.IllegalStateException: boom")]
    [InlineData("thread 'tests::unwraps' panicked at src/lib.rs:12:31:")]
    [InlineData("[xUnit.net 00:00:01.02]     Shop.Tests.PricingTests.Totals_add_up [FAIL]")]
    [InlineData("--- FAIL: TestParse (0.00s)")]
    [InlineData("Segmentation fault (core dumped)")]
    // services: the failure vocabulary of the issue
    [InlineData("2026-12-02 06:59:46,759 ERROR orders.worker: order 13 failed")]
    [InlineData("dial tcp 10.0.0.7:5432: connect: connection refused")]
    [InlineData("upstream timed out (110: Connection timed out) while reading response header")]
    [InlineData("Permission denied (publickey).")]
    [InlineData("host 10.1.1.1 unreachable")]
    [InlineData("Killed process 4312 (java) total-vm:8GB, anon-rss:6GB — OOM")]
    [InlineData("cannot open shared object file")]
    [InlineData("could not connect to server")]
    [InlineData("unable to resolve host db.internal")]
    [InlineData("worker crashed with signal 11")]
    [InlineData("job aborted by user")]
    [InlineData("10.0.0.1 - - [02/Dec/2026:06:59:46 +0000] \"GET /api/orders HTTP/1.1\" 503 182")]
    [InlineData("request finished status=502 path=/v1/pay")]
    [InlineData("bash: pnpm: command not found")]
    public void Failure_lines_are_errors(string line) => Classify(line).Should().Be(Severity.Error, line);

    [Theory]
    [InlineData("/src/Program.cs(8,12): warning CS8618: Non-nullable property 'Name' must contain a non-null value")]
    [InlineData("2026-12-02 10:00:00 WARN  Pool is 90% used")]
    [InlineData("npm warn deprecated inflight@1.0.6: This module is not supported")]
    [InlineData("warning: unused variable: `x`")]
    public void Warning_lines_are_warnings(string line) => Classify(line).Should().Be(Severity.Warning, line);

    [Theory]
    [InlineData("Build FAILED.")]
    [InlineData("    2 Error(s)")]
    [InlineData("    0 Warning(s)")]
    [InlineData("test result: FAILED. 30 passed; 3 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.61s")]
    [InlineData("Failed!  - Failed:     4, Passed:   122, Skipped:     0, Total:   126, Duration: 1 s")]
    [InlineData("========== 3 failed, 120 passed in 2.10s ==========")]
    [InlineData("added 211 packages in 9s")]
    [InlineData("Process completed with exit code 1.")]
    [InlineData("Time Elapsed 00:00:11.71")]
    [InlineData("Tests:       1 failed, 2 passed, 3 total")]
    public void Summaries_are_summaries(string line) => Classify(line).Should().Be(Severity.Summary, line);

    [Theory]
    [InlineData("no errors found")]                             // a zero count is not an error…
    [InlineData("errors: 0, warnings: 0")]
    [InlineData("       Warnings: null")]                        // …nor an empty list
    [InlineData("see docs/error-handling.md for the policy")]     // a file name
    [InlineData("  Copying src/errors/handler.go to out/")]       // a path
    [InlineData("csc /nowarn:1701 /warnaserror- /errorreport:prompt /warn:10")] // compiler flags
    [InlineData("gcc -Werror -Wall -c x.c")]
    [InlineData("  Property reassignment: $(TreatWarningsAsErrors)=\"false\"")] // identifiers
    [InlineData("if err != nil { return log.error(err) }")]        // member access, Go's err
    [InlineData("/src/App.cs(12,5): message : Generating code for /src/App.cs(3,1) and /src/Lib.cs(9,9)")] // paths give no severity
    [InlineData("order 13 finished in 12 ms")]
    [InlineData("")]
    public void Look_alikes_are_not_failures(string line) => Classify(line).Should().Be(Severity.Other, line);

    [Theory]
    [InlineData("Build succeeded with 0 errors")]
    [InlineData("    0 Error(s)")]
    public void A_summary_counting_zero_errors_is_a_summary_not_an_error(string line) => Classify(line).Should().Be(Severity.Summary);

    [Fact]
    public void A_compiler_diagnostic_is_definite_and_a_word_in_prose_is_only_a_mention()
    {
        LineClassifier.Default.Classify("/a/b.cs(1,2): error CS0103: The name 'x' does not exist", out _, out bool compiler);
        LineClassifier.Default.Classify("  Encountered conflict between 'a' and 'b'. Could not determine winner due to equal versions.", out _, out bool prose);
        compiler.Should().BeTrue();
        prose.Should().BeFalse();
    }

    [Fact]
    public void The_vocabulary_is_data_a_caller_can_extend()
    {
        var custom = new LineClassifier(FailureVocabulary.Default with { ErrorTerms = [.. FailureVocabulary.Default.ErrorTerms, "kaputt"] });
        custom.Classify("the flux capacitor is kaputt").Should().Be(Severity.Error);
        LineClassifier.Default.Classify("the flux capacitor is kaputt").Should().Be(Severity.Other);
    }

    [Fact]
    public void Where_the_deciding_word_sits_is_reported_so_a_long_line_can_keep_it()
    {
        var line = new string('a', 3000) + " connection refused";
        LineClassifier.Default.Classify(line, out int at, out _).Should().Be(Severity.Error);
        at.Should().Be(3012);
    }
}
