using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Hooks.Tests.Process;
using DistributedModel.Core.Wiring;
using DistributedModel.Core.Workspace;
using DistributedModel.Testing;
using DistributedModel.Testing.Anthropic;
using DistributedModel.Testing.Samples;
using Xunit.Abstractions;

namespace DistributedModel.Hooks.Tests.EndToEnd;

/// <summary>
/// The real Claude Code CLI, wired to the published AOT hooks exactly as <c>dm install</c> wires a repository,
/// talking to a scripted fake Messages API on 127.0.0.1. The captured requests show what entered the model's context.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class ClaudeCodeHooksEndToEndTests : IDisposable
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
        var log = SampleOutputs.NoisyBuildLog(200 * 1024, errorCount: 5);
        var errorLines = log.MustSurvive.Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
        var fileLineRefs = errorLines.Select(l => FileLineRef().Match(l).Value).ToList();
        errorLines.Should().HaveCount(5);
        fileLineRefs.Should().AllSatisfy(r => r.Should().MatchRegex(@"\(\d+,\d+\)$"));
        int rawBytes = Encoding.UTF8.GetByteCount(log.Text);
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
        _output.WriteLine($"raw {rawBytes} bytes -> tool_result {resultBytes} bytes ({100.0 * resultBytes / rawBytes:F1}%), {errorLines.Count} errors");

        result.Text.Should().NotContain("<persisted-output>", "the hook replaced Claude Code's 2 KB preview with the compressed full output");
        resultBytes.Should().BeLessThan(rawBytes / 5);
        foreach (var line in log.MustSurvive) result.Text.Should().Contain(line);
        foreach (var fileLine in fileLineRefs) result.Text.Should().Contain(fileLine);
        result.Text.Should().Contain(new WorkspacePaths(Project).RawDir, "the elision marker names the stored raw output");

        main[0].AllText().Should().Contain("mcp__distributed-model__summarize", "UserPromptSubmit guidance entered the first request");
        var hookLog = HookLog();
        var bashLine = hookLog.Should().ContainSingle(l => l["event"]!.GetValue<string>() == "PostToolUse" && l["tool"]!.GetValue<string>() == "Bash").Subject;
        bashLine["outcome"]!.GetValue<string>().Should().Be("compressed");
        bashLine["detail"]!.GetValue<string>().Should().StartWith("persisted", "Claude Code persisted the 200 KB output; the hook read the full text from disk");
        bashLine["in"]!.GetValue<long>().Should().Be(rawBytes);
        hookLog.Should().ContainSingle(l => l["event"]!.GetValue<string>() == "UserPromptSubmit")
            .Which["outcome"]!.GetValue<string>().Should().Be("injected");
    }

    [Fact]
    public async Task A_real_417_KB_detailed_dotnet_build_reaches_the_model_within_budget_with_every_error_and_distinct_warning()
    {
        // Corpus/dotnet-build-detailed: the real `dotnet build -v:d` output (2 CS0103 errors, 10 distinct warnings).
        // Before the budgeted engine the hook left 180.7 KB and Claude Code showed the model a 2 KB preview of the banner.
        await WireProjectAsync();
        var log = DistributedModel.Testing.Corpus.RealOutputs.Load("dotnet-build-detailed");
        // A diagnostic is "Program.cs(16,20): warning CS8600: …": file, position and message, without MSBuild's node
        // prefix ("1:7>"), indentation or the trailing " [project]" (detailed output prints each one twice).
        var diagnostics = log.Split('\n').Where(static l => l.Contains(": error CS", StringComparison.Ordinal) || l.Contains(": warning CS", StringComparison.Ordinal))
            .Select(static l => l[(l.LastIndexOf('/', l.IndexOf("): ", StringComparison.Ordinal)) + 1)..])
            .Select(static l => l.Contains(" [", StringComparison.Ordinal) ? l[..l.LastIndexOf(" [", StringComparison.Ordinal)] : l)
            .Distinct().ToList();
        diagnostics.Should().HaveCount(12, "2 errors and 10 distinct warnings (CS8600 at two places)");
        File.WriteAllText(Path.Combine(Project, "build.log"), log);
        await using var api = await FakeAnthropicServer.StartAsync(
            ScriptStep.CallTool("Bash", new JsonObject { ["command"] = "cat build.log", ["description"] = "Show the build log" }),
            ScriptStep.Reply("Two CS0103 errors."));

        var run = await ClaudeCodeRunner.RunAsync(Project, "why does the build fail? the log is in build.log", api, _dir.Combine("home"));

        run.ExitCode.Should().Be(0, run.ToString());
        var result = api.MainLoopRequests.SelectMany(r => r.ToolResults()).Should().ContainSingle(r => r.ToolUseId == "toolu_0001").Subject;
        int bytes = Encoding.UTF8.GetByteCount(result.Text);
        _output.WriteLine($"raw {Encoding.UTF8.GetByteCount(log)} bytes -> tool_result {bytes} bytes");
        result.Text.Should().NotContain("<persisted-output>");
        bytes.Should().BeLessThanOrEqualTo(8192, "the default budget");
        foreach (var d in diagnostics) result.Text.Should().Contain(d);
        result.Text.Should().Contain("Build FAILED.");
    }

    [Fact]
    public async Task A_real_281_KB_grep_rn_reaches_the_model_within_budget_naming_every_file()
    {
        await WireProjectAsync();
        var grep = DistributedModel.Testing.Corpus.RealOutputs.Load("grep-rn-go");
        var files = grep.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => l[..l.IndexOf(':')]).Distinct().ToList();
        File.WriteAllText(Path.Combine(Project, "grep.txt"), grep);
        await using var api = await FakeAnthropicServer.StartAsync(
            ScriptStep.CallTool("Bash", new JsonObject { ["command"] = "cat grep.txt", ["description"] = "Show the matches" }),
            ScriptStep.Reply("98 files."));

        var run = await ClaudeCodeRunner.RunAsync(Project, "which files in grep.txt handle errors", api, _dir.Combine("home"));

        run.ExitCode.Should().Be(0, run.ToString());
        var result = api.MainLoopRequests.SelectMany(r => r.ToolResults()).Should().ContainSingle(r => r.ToolUseId == "toolu_0001").Subject;
        _output.WriteLine($"raw {Encoding.UTF8.GetByteCount(grep)} bytes -> tool_result {Encoding.UTF8.GetByteCount(result.Text)} bytes");
        result.Text.Should().NotContain("<persisted-output>");
        Encoding.UTF8.GetByteCount(result.Text).Should().BeLessThanOrEqualTo(8192);
        foreach (var f in files) result.Text.Should().Contain(f);
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

    [System.Text.RegularExpressions.GeneratedRegex(@"^\S+\(\d+,\d+\)")]
    private static partial System.Text.RegularExpressions.Regex FileLineRef();

    public void Dispose() => _dir.Dispose();
}
