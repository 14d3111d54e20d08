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

    [Theory]
    [InlineData("src/x.c:19:12: error: ‘undeclared_6’ undeclared (first use in this function)")] // Corpus/gcc-wall-errors-nocaret
    [InlineData("src/x.c:7:32: warning: implicit declaration of function ‘missing_fn_2’ [-Wimplicit-function-declaration]")]
    [InlineData("src/x.c:19:12: note: each undeclared identifier is reported only once for each function it appears in")]
    [InlineData("src/x.c:4: error: storage size of 'v' isn't known")] // no column (gcc -fno-show-column)
    [InlineData("main.c:1:10: fatal error: missing.h: No such file or directory")]
    [InlineData(@"src\x.cpp(12,5): error C2065: 'undeclared': undeclared identifier")] // MSVC
    [InlineData(@"C:\src\x.cpp(12): warning C4101: 'i': unreferenced local variable")]
    public void Compiler_diagnostics_are_recognised(string line) => OutputShape.IsCompilerDiagnostic(line).Should().BeTrue();

    [Theory]
    [InlineData("linux/kfd_ioctl.h:281:\t__u32 ErrorType; /* 0 = no RAS error,")] // Corpus/grep-rn-linux-headers
    [InlineData("./errors.go:12:func (msg *Error) Error() string {")]
    [InlineData("build.log:5:src/x.c:4:16: error: storage size of ‘v_1’ isn’t known")] // grep over a build log is a grep
    [InlineData("docs/x.md:3:error: is what gcc prints")]
    [InlineData("src/x.c: In function ‘f_1’:")]
    public void Grep_hits_and_context_lines_are_not_compiler_diagnostics(string line) => OutputShape.IsCompilerDiagnostic(line).Should().BeFalse();

    [Fact]
    public void Msvc_diagnostics_are_a_build_digest_with_their_errors_counted()
    {
        // MSVC's form (no MSVC on this machine: the shape of cl.exe's documented C2065/C4101 messages).
        var sb = new System.Text.StringBuilder();
        for (int i = 1; i <= 300; i++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"C:\\src\\orders\\x.cpp({i * 3},5): error C2065: 'u_{i}': undeclared identifier\n");
            if (i % 3 == 0) sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"C:\\src\\orders\\x.cpp({i * 3 + 1},9): warning C4101: 'v_{i}': unreferenced local variable\n");
        }
        var result = OutputCompressor.Compress(sb.ToString());
        result.Kind.Should().Be(CompressionKind.Digest);
        result.ErrorLines.Should().Be(300);
        result.Text.Split('\n')[0].Should().Contain("· 300 errors (");
        result.KeptErrors.Should().BeGreaterThan(50);
        result.OutputBytes.Should().BeLessThanOrEqualTo(8192);
    }

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

    [Theory]
    [InlineData("git-log-stat", true)]
    [InlineData("dotnet-build-detailed", false)]
    [InlineData("loghub-zookeeper", false)]
    [InlineData("grep-rn-go", false)]
    public void A_git_log_is_known_by_its_commit_and_author_lines(string name, bool gitLog)
    {
        var lines = RealOutputs.Load(name).Split('\n').Select(static l => l.AsMemory()).ToList();
        OutputShape.IsGitLog(lines).Should().Be(gitLog);
    }

    [Fact]
    public void Output_that_only_mentions_a_commit_later_is_not_a_git_log()
    {
        var lines = new[] { "Building…", "commit 8dd20118ba9a9dfa18ebba99e33d6a59b0090436", "Author: someone" }.Select(static l => l.AsMemory()).ToList();
        OutputShape.IsGitLog(lines).Should().BeFalse();
    }
}
