using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Hooks.Tests.Process;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Hooks.Wiring;
using DistributedModel.Hooks.Workspace;
using DistributedModel.Testing;
using DistributedModel.Testing.Anthropic;
using Xunit.Abstractions;

namespace DistributedModel.Hooks.Tests.EndToEnd;

/// <summary>
/// The real Claude Code CLI, wired to the published AOT hooks exactly as <c>dm install</c> wires a repository,
/// talking to a scripted fake Messages API on 127.0.0.1. The captured requests show what entered the model's context.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClaudeCodeHooksEndToEndTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-e2e");
    private readonly ITestOutputHelper _output;

    public ClaudeCodeHooksEndToEndTests(ITestOutputHelper output) => _output = output;

    private string Project => _dir.Combine("project");

    private async Task WireProjectAsync()
    {
        var bin = Path.Combine(Project, WiringDefaults.HookDir);
        Directory.CreateDirectory(bin);
        foreach (var exe in new[] { await PublishedHooks.PostToolUseAsync(), await PublishedHooks.UserPromptSubmitAsync() })
        {
            var target = Path.Combine(bin, Path.GetFileName(exe));
            File.Copy(exe, target, overwrite: true);
            File.SetUnixFileMode(target, File.GetUnixFileMode(exe));
        }
        var settings = new JsonObject
        {
            ["hooks"] = new JsonObject
            {
                ["UserPromptSubmit"] = new JsonArray(new JsonObject
                {
                    ["hooks"] = new JsonArray(new JsonObject { ["type"] = "command", ["command"] = WiringDefaults.HookCommand("UserPromptSubmit") }),
                }),
                ["PostToolUse"] = new JsonArray(new JsonObject
                {
                    ["matcher"] = WiringDefaults.PostToolUseMatcher,
                    ["hooks"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "command", ["command"] = WiringDefaults.HookCommand("PostToolUse"), ["timeout"] = WiringDefaults.PostToolUseTimeoutSeconds,
                    }),
                }),
            },
        };
        Directory.CreateDirectory(Path.Combine(Project, ".claude"));
        await File.WriteAllTextAsync(Path.Combine(Project, ".claude", "settings.json"), settings.ToJsonString());
    }

    private List<JsonObject> HookLog() =>
        File.Exists(new WorkspacePaths(Project).HooksLog)
            ? File.ReadAllLines(new WorkspacePaths(Project).HooksLog).Select(l => JsonNode.Parse(l)!.AsObject()).ToList()
            : [];

    [Fact]
    public async Task A_noisy_200_KB_build_log_reaches_the_model_compressed_with_every_error_and_the_routing_hint_is_injected()
    {
        await WireProjectAsync();
        var log = NoisyBuildLog.Create(200 * 1024, errors: 5);
        File.WriteAllText(Path.Combine(Project, "build.log"), log.Text);
        await using var api = await FakeAnthropicServer.StartAsync(
            ScriptStep.CallTool("Bash", new JsonObject { ["command"] = "cat build.log", ["description"] = "Show the build log" }),
            ScriptStep.Reply("The build fails with five compiler errors."));

        var run = await ClaudeCodeRunner.RunAsync(Project, "Summarize the build log in build.log and tell me why the build fails", api, _dir.Combine("home"));

        run.ExitCode.Should().Be(0, run.ToString());
        var main = api.MainLoopRequests;
        main.Should().HaveCountGreaterThanOrEqualTo(2, "one request to get the tool call, one carrying its result");
        var result = main.SelectMany(r => r.ToolResults()).Should().ContainSingle(r => r.ToolUseId == "toolu_0001").Subject;
        int resultBytes = Encoding.UTF8.GetByteCount(result.Text);
        _output.WriteLine($"raw {log.Bytes} bytes -> tool_result {resultBytes} bytes ({100.0 * resultBytes / log.Bytes:F1}%)");

        result.Text.Should().NotContain("<persisted-output>", "the hook replaced Claude Code's 2 KB preview with the compressed full output");
        resultBytes.Should().BeLessThan(log.Bytes / 5);
        foreach (var error in log.ErrorLines) result.Text.Should().Contain(error);
        foreach (var fileLine in log.FileLineRefs) result.Text.Should().Contain(fileLine);
        result.Text.Should().Contain(new WorkspacePaths(Project).RawDir, "the elision marker names the stored raw output");

        main[0].AllText().Should().Contain("mcp__distributed-model__summarize", "UserPromptSubmit guidance entered the first request");
        var hookLog = HookLog();
        var bashLine = hookLog.Should().ContainSingle(l => l["event"]!.GetValue<string>() == "PostToolUse" && l["tool"]!.GetValue<string>() == "Bash").Subject;
        bashLine["outcome"]!.GetValue<string>().Should().Be("compressed");
        bashLine["detail"]!.GetValue<string>().Should().StartWith("persisted", "Claude Code persisted the 200 KB output; the hook read the full text from disk");
        bashLine["in"]!.GetValue<long>().Should().Be(log.Bytes);
        hookLog.Should().ContainSingle(l => l["event"]!.GetValue<string>() == "UserPromptSubmit")
            .Which["outcome"]!.GetValue<string>().Should().Be("injected");
    }

    [Fact]
    public async Task A_neutral_prompt_gets_no_routing_hint()
    {
        await WireProjectAsync();
        await using var api = await FakeAnthropicServer.StartAsync(ScriptStep.Reply("4"));

        var run = await ClaudeCodeRunner.RunAsync(Project, "What is 2 + 2? Answer with the number only.", api, _dir.Combine("home"));

        run.ExitCode.Should().Be(0, run.ToString());
        var main = api.MainLoopRequests;
        main.Should().NotBeEmpty();
        main.Should().AllSatisfy(r => r.AllText().Should().NotContain("Distributed Model hint").And.NotContain("mcp__distributed-model__"));
        HookLog().Should().ContainSingle(l => l["event"]!.GetValue<string>() == "UserPromptSubmit")
            .Which["outcome"]!.GetValue<string>().Should().Be("passthrough");
    }

    public void Dispose() => _dir.Dispose();
}
