using System.Text.Json.Nodes;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Core.Workspace;
using DistributedModel.Testing;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Hooks.Tests.Process;

public sealed class HooksLogConcurrencyTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-concurrency");

    [Fact]
    public async Task Eight_processes_times_500_hook_calls_in_parallel_leave_exactly_4000_intact_lines()
    {
        var postToolUse = await PublishedHooks.PostToolUseAsync();
        var userPrompt = await PublishedHooks.UserPromptSubmitAsync();
        var bashInput = _dir.Write("bash.json", HookInputs.Bash(_dir.Path, "Restored 3 projects.\nBuild succeeded.\n"));
        var promptInput = _dir.Write("prompt.json", HookInputs.Prompt(_dir.Path, "Summarize the CI logs under artifacts/ please"));
        const int Calls = 500;
        // Each worker is a shell loop that runs the real hook exe 500 times: 8 concurrent writers to one hooks.log.
        var workers = Enumerable.Range(0, 8).Select(i =>
        {
            var (exe, input) = i % 2 == 0 ? (postToolUse, bashInput) : (userPrompt, promptInput);
            var script = $"i=0; while [ $i -lt {Calls} ]; do \"$0\" < \"$1\" > /dev/null || exit 1; i=$((i+1)); done";
            return ProcessRunner.RunAsync("/bin/sh", ["-c", script, exe, input], _dir.Path,
                environment: PublishedHooks.CleanEnvironment(), timeout: TimeSpan.FromMinutes(10));
        }).ToList();

        var results = await Task.WhenAll(workers);

        results.Should().AllSatisfy(r => r.ExitCode.Should().Be(0, r.ToString()));
        var lines = File.ReadAllLines(new WorkspacePaths(_dir.Path).HooksLog);
        lines.Should().HaveCount(8 * Calls);
        var parsed = lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        parsed.Count(p => p["event"]!.GetValue<string>() == "PostToolUse" && p["outcome"]!.GetValue<string>() == "passthrough").Should().Be(4 * Calls);
        parsed.Count(p => p["event"]!.GetValue<string>() == "UserPromptSubmit" && p["outcome"]!.GetValue<string>() == "injected").Should().Be(4 * Calls);
        parsed.Should().AllSatisfy(p => p.Select(kv => kv.Key).Should().Contain(["ts", "event", "in", "out", "ms", "outcome"]));
    }

    public void Dispose() => _dir.Dispose();
}
