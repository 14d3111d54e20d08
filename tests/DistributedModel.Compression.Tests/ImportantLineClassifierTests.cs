namespace DistributedModel.Compression.Tests;

public class ImportantLineClassifierTests
{
    [Theory]
    [InlineData("/src/A.cs(12,5): error CS0103: The name 'x' does not exist")]
    [InlineData("warning: unused variable `x`")]
    [InlineData("Traceback (most recent call last):")]
    [InlineData("  File \"/app/main.py\", line 12, in <module>")]
    [InlineData("   at Foo.Bar() in /src/Foo.cs:line 42")]
    [InlineData("thread 'main' panicked at src/main.rs:2:5:")]
    [InlineData("main.go:34:2: undefined: foo")]
    [InlineData("Build FAILED.")]
    [InlineData("==== 3 failed, 120 passed in 2.1s ====")]
    [InlineData("Tests:       1 failed, 240 passed, 241 total")]
    [InlineData("src/app.ts:10:3 - something odd")]
    public void Recognises_errors_references_and_summaries(string line) => ImportantLineClassifier.IsImportant(line).Should().BeTrue();

    [Theory]
    [InlineData("  Restored /src/Api/Api.csproj (in 120 ms).")]
    [InlineData("2026-11-23T06:00:00.137Z INFO  [req-0a3f1] HTTP GET /api/orders/12 responded 200 in 3 ms")]
    [InlineData("connecting to 127.0.0.1:8080")]
    [InlineData("")]
    public void Ignores_chatter(string line) => ImportantLineClassifier.IsImportant(line).Should().BeFalse();
}

public class LogLikeDetectorTests
{
    [Theory]
    [InlineData("build/output.log", "anything")]
    [InlineData("/var/log/app.log.3", "anything")]
    [InlineData("test-results.out", "x")]
    public void Log_files_by_name_are_log_like(string path, string content) => LogLikeDetector.IsLogLike(path, content).Should().BeTrue();

    [Theory]
    [InlineData("src/Program.cs")]
    [InlineData("app/main.py")]
    [InlineData("package.json")]
    [InlineData("README.md")]
    public void Source_files_are_never_log_like_even_with_log_content(string path) =>
        LogLikeDetector.IsLogLike(path, string.Join('\n', Enumerable.Repeat("2026-11-23T06:00:00Z INFO hi", 20))).Should().BeFalse();

    [Fact]
    public void Unknown_files_are_judged_by_content()
    {
        LogLikeDetector.IsLogLike("data/run-output", string.Join('\n', Enumerable.Range(0, 20).Select(i => $"2026-11-23 06:00:{i:D2} INFO step {i}"))).Should().BeTrue();
        LogLikeDetector.IsLogLike("data/notes", "just some\nprose that\nisn't a log\nat all\nreally\nno").Should().BeFalse();
    }
}
