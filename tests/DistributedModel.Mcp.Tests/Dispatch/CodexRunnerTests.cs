using DistributedModel.Mcp.Dispatch;
using DistributedModel.Mcp.Dispatch.Codex;
using DistributedModel.Testing;
using DistributedModel.Testing.Codex;

namespace DistributedModel.Mcp.Tests.Dispatch;

/// <summary>The real Codex CLI (npm @openai/codex) against the loopback fake Responses API.</summary>
[Collection(CodexCollection.Name)]
public sealed class CodexRunnerTests : IDisposable
{
    private const string FixPatch = "*** Begin Patch\n*** Update File: src/calc.py\n@@\n def add(a, b):\n-    return a - b\n+    return a + b\n*** End Patch\n";

    private readonly TempDirectory _codexHome = new("dm-codex-home");
    private readonly TempDirectory _logs = new("dm-codex-logs");

    private DispatchOptions Options(FakeResponsesServer fake, TimeSpan? timeout = null) => new()
    {
        CodexPath = RepoPaths.NpmBin("codex"),
        CodexHome = _codexHome.Path,
        CodexConfig = [.. fake.CodexConfigOverrides()],
        CodexTimeout = timeout ?? TimeSpan.FromSeconds(60),
    };

    private CodexRunRequest Request(string dir, string prompt = "fix add") =>
        new(dir, prompt, _logs.Combine("events.jsonl"), _logs.Combine("stderr.log"));

    [Fact]
    public async Task Codex_applies_a_scripted_patch_and_runs_a_command_in_the_working_directory()
    {
        using var repo = await TempGitRepo.CreateAsync();
        await using var fake = await FakeResponsesServer.StartAsync(
            ResponsesStep.ApplyPatch(FixPatch) with { Usage = new(1000, 200, 50, 5) },
            ResponsesStep.Exec("echo done > NOTES.txt") with { Usage = new(1100, 300, 40, 0) },
            ResponsesStep.Message("Fixed add().") with { Usage = new(1200, 400, 30, 0) });
        var progress = new List<string>();

        var result = await new CodexRunner().RunAsync(Request(repo.Root), Options(fake), SyncProgress.Of(progress), CancellationToken.None);

        result.Status.Should().Be(CodexRunStatus.Succeeded, result.Error + "\n" + result.StdErrTail);
        repo.Read("src/calc.py").Should().Contain("return a + b");
        repo.Read("NOTES.txt").Trim().Should().Be("done");
        result.FinalMessage.Should().Be("Fixed add().");
        result.Usage.Should().Be(new CodexUsage(3300, 900, 120, 5));
        result.Commands.Should().Be(1);
        result.ChangedFiles.Should().Contain("src/calc.py");
        progress.Should().Contain(p => p.StartsWith("codex edits:", StringComparison.Ordinal) && p.Contains("src/calc.py"));
        progress.Should().Contain(p => p.StartsWith("codex runs:", StringComparison.Ordinal));
        File.ReadAllLines(_logs.Combine("events.jsonl")).Should().Contain(l => l.Contains("\"turn.completed\""));
        fake.Requests.Should().Contain(r => r.OffersTools && r.Body!.ToJsonString().Contains("fix add"));
    }

    [Fact]
    public async Task A_server_error_fails_the_run_quickly_with_the_reason()
    {
        using var repo = await TempGitRepo.CreateAsync();
        await using var fake = await FakeResponsesServer.StartAsync(ResponsesStep.HttpError(500, "model exploded"));

        var result = await new CodexRunner().RunAsync(Request(repo.Root), Options(fake), null, CancellationToken.None);

        result.Status.Should().Be(CodexRunStatus.Failed);
        result.Error.Should().Contain("codex failed");
        result.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task An_unreachable_server_fails_the_run_instead_of_reconnecting_forever()
    {
        using var repo = await TempGitRepo.CreateAsync();
        string deadUrl;
        await using (var fake = await FakeResponsesServer.StartAsync(ResponsesStep.Message("never")))
            deadUrl = fake.BaseUrl;
        await using var other = await FakeResponsesServer.StartAsync(ResponsesStep.Message("unused"));
        var options = Options(other, TimeSpan.FromSeconds(45));
        options.CodexConfig = [.. options.CodexConfig.Select(c => c.Replace(other.BaseUrl, deadUrl, StringComparison.Ordinal))];

        var result = await new CodexRunner().RunAsync(Request(repo.Root), options, null, CancellationToken.None);

        result.Status.Should().Be(CodexRunStatus.Failed, result.Error);
        result.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_missing_codex_executable_is_reported_with_how_to_install_it()
    {
        using var repo = await TempGitRepo.CreateAsync();
        var options = new DispatchOptions { CodexPath = "/nonexistent/bin/codex" };

        var result = await new CodexRunner().RunAsync(Request(repo.Root), options, null, CancellationToken.None);

        result.Status.Should().Be(CodexRunStatus.NotFound);
        result.Error.Should().Contain("npm install -g @openai/codex").And.Contain("dispatch.codexPath");
    }

    [Fact]
    public async Task Cache_writes_reported_by_the_api_reach_the_usage_as_cache_write_input_tokens()
    {
        using var repo = await TempGitRepo.CreateAsync();
        await using var fake = await FakeResponsesServer.StartAsync(
            ResponsesStep.ApplyPatch(FixPatch) with { Usage = new(1000, 200, 50, 5) { CacheWriteTokens = 600 } },
            ResponsesStep.Message("Fixed add().") with { Usage = new(1200, 800, 30, 0) { CacheWriteTokens = 100 } });

        var result = await new CodexRunner().RunAsync(Request(repo.Root), Options(fake), null, CancellationToken.None);

        result.Status.Should().Be(CodexRunStatus.Succeeded, result.Error + "\n" + result.StdErrTail);
        File.ReadAllLines(_logs.Combine("events.jsonl")).Should().Contain(l => l.Contains("\"cache_write_input_tokens\":700"));
        result.Usage.Should().Be(new CodexUsage(2200, 1000, 80, 5) { CacheWrite = 700 });
    }

    [Fact]
    public async Task A_patch_codex_cannot_apply_is_not_counted_as_an_edit()
    {
        using var repo = await TempGitRepo.CreateAsync();
        const string badPatch = "*** Begin Patch\n*** Update File: src/calc.py\n@@\n def add(a, b):\n-    return a * b\n+    return a + b\n*** End Patch\n";
        await using var fake = await FakeResponsesServer.StartAsync(
            ResponsesStep.ApplyPatch(badPatch), ResponsesStep.Message("Could not patch."));
        var progress = new List<string>();

        var result = await new CodexRunner().RunAsync(Request(repo.Root), Options(fake), SyncProgress.Of(progress), CancellationToken.None);

        var events = File.ReadAllLines(_logs.Combine("events.jsonl"));
        result.Status.Should().Be(CodexRunStatus.Succeeded, string.Join("\n", events));
        repo.Read("src/calc.py").Should().Contain("return a - b");
        result.ChangedFiles.Should().BeEmpty(string.Join("\n", events));
        progress.Should().NotContain(p => p.StartsWith("codex edits:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_patch_that_fails_while_writing_is_a_failed_edit_with_a_progress_line()
    {
        using var repo = await TempGitRepo.CreateAsync();
        // The patch parses and verifies, but writing fails: its parent "directory" is a regular file.
        const string patch = "*** Begin Patch\n*** Add File: src/calc.py/extra.py\n+x = 1\n*** End Patch\n";
        await using var fake = await FakeResponsesServer.StartAsync(
            ResponsesStep.ApplyPatch(patch), ResponsesStep.Message("Could not write."));
        var progress = new List<string>();

        var result = await new CodexRunner().RunAsync(Request(repo.Root), Options(fake), SyncProgress.Of(progress), CancellationToken.None);

        var events = File.ReadAllLines(_logs.Combine("events.jsonl"));
        result.Status.Should().Be(CodexRunStatus.Succeeded, string.Join("\n", events));
        events.Should().Contain(l => l.Contains("\"type\":\"file_change\"") && l.Contains("\"status\":\"failed\""), string.Join("\n", events));
        result.ChangedFiles.Should().BeEmpty();
        progress.Should().Contain(p => p.StartsWith("codex edit failed: src/calc.py/extra.py", StringComparison.Ordinal), string.Join("\n", progress));
        progress.Should().NotContain(p => p.StartsWith("codex edits:", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _codexHome.Dispose();
        _logs.Dispose();
    }
}
