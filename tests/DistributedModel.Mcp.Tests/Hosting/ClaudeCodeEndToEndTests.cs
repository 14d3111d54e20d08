using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Core.Wiring;
using DistributedModel.Testing;
using DistributedModel.Testing.Anthropic;
using DistributedModel.Testing.Processes;
using DistributedModel.Testing.Providers;
using Xunit.Abstractions;

namespace DistributedModel.Mcp.Tests.Hosting;

/// <summary>
/// The real Claude Code CLI starts dm-mcp from the project's <c>.mcp.json</c> (the committed launcher entry, see
/// <see cref="WiringDefaults.McpServerEntryJson"/>), the fake Messages API makes the model call summarize on a 200 KB log,
/// and we check what came back into the model's context.
/// </summary>
public sealed class ClaudeCodeEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Claude_Code_calls_summarize_on_a_200KB_log_and_the_model_gets_a_small_digest_with_the_counts()
    {
        var published = await DotnetPublisher.PublishAsync("src/DistributedModel.Mcp", aot: true);
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Reply("Build failed: 42 x error CS0246 (types Widget0..Widget41 missing); first at build.log:L" + "\n");
        using var project = new TempDirectory("dm-mcp-claude");
        using var home = new TempDirectory("dm-mcp-home");
        var log = Samples.BuildLog();
        project.Write("build.log", log);
        project.Write(".claude/dm.json", ProviderTestHost.FastRetriesDmJson);
        InstallServer(Path.Combine(published, WiringDefaults.McpExe), project.Combine(WiringDefaults.McpDir));

        var entry = JsonNode.Parse(WiringDefaults.McpServerEntryJson())!.AsObject();
        entry["env"] = new JsonObject
        {
            ["GEMINI_API_KEY"] = "test-gemini-key", ["GEMINI_BASE_URL"] = gemini.BaseUrl, ["GOOGLE_API_KEY"] = "",
            ["DEEPSEEK_API_KEY"] = "", ["OPENAI_API_KEY"] = "", ["OLLAMA_HOST"] = "http://127.0.0.1:9",
        };
        project.Write(".mcp.json", new JsonObject { ["mcpServers"] = new JsonObject { [WiringDefaults.McpServerName] = entry } }.ToJsonString());

        const string tool = "mcp__distributed-model__summarize";
        await using var api = await FakeAnthropicServer.StartAsync(
            ScriptStep.CallTool(tool, new JsonObject { ["paths"] = new JsonArray("build.log"), ["question"] = "why did the build fail?" }),
            ScriptStep.Reply("The build failed on missing types."));

        var run = await ClaudeCodeRunner.RunAsync(project.Path, "Why did the build fail? The log is build.log.", api, home.Path,
            ["Bash", "Read", tool], TimeSpan.FromMinutes(2));

        run.ExitCode.Should().Be(0, run.ToString());
        var loop = api.MainLoopRequests;
        loop.Should().HaveCountGreaterThanOrEqualTo(2, run.ToString());
        loop[0].Body!["tools"]!.AsArray().Select(t => t?["name"]?.GetValue<string>()).Should().Contain(tool);
        var result = loop[1].ToolResults().Should().ContainSingle().Subject.Text;
        var bytes = Encoding.UTF8.GetByteCount(result);
        output.WriteLine($"200 KB log ({Encoding.UTF8.GetByteCount(log)} B) -> {bytes} B in the model's context:\n{result}");
        bytes.Should().BeLessThanOrEqualTo(6 * 1024);
        result.Should().Contain("build.log: ").And.Contain("42 error lines").And.Contain("raw: build.log").And.Contain("Build failed: 42 x error CS0246");
        gemini.RequestCount.Should().Be(1);
        File.ReadAllText(project.Combine(".claude", "dm", "ledger.jsonl")).Should().Contain("\"lane\":\"summarize\"");
    }

    /// <summary>The one native file, as <c>dm install</c> lays it out (no .dbg, no .pdb).</summary>
    private static void InstallServer(string exe, string dir)
    {
        Directory.CreateDirectory(dir);
        var target = Path.Combine(dir, WiringDefaults.McpExe);
        File.Copy(exe, target, overwrite: true);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, File.GetUnixFileMode(exe));
    }
}
