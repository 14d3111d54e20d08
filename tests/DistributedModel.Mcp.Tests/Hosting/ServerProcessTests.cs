using System.Text;
using System.Text.Json;
using DistributedModel.Testing;
using DistributedModel.Testing.Processes;
using DistributedModel.Testing.Providers;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit.Abstractions;

namespace DistributedModel.Mcp.Tests.Hosting;

/// <summary>The published dm-mcp process over real stdio: our C# client and the official TypeScript SDK client.</summary>
public sealed class ServerProcessTests(ITestOutputHelper output)
{
    private static async Task<string> ServerExeAsync() =>
        Path.Combine(await DotnetPublisher.PublishAsync("src/DistributedModel.Mcp", aot: true), "dm-mcp");

    private static Dictionary<string, string?> Environment(FakeGemini gemini) =>
        ProviderTestHost.Environment(gemini, null, null, null)
            .Concat([new("CLAUDE_PROJECT_DIR", null), new("DOTNET_ENVIRONMENT", "Production")])
            .ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>The published server on a workspace, started from elsewhere (as Claude Code starts it through the launcher).</summary>
    private static async Task<McpClient> StartAsync(string workspace, Dictionary<string, string?> env) =>
        await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = await ServerExeAsync(),
            Arguments = ["--workspace", workspace],
            WorkingDirectory = Path.GetTempPath(),
            EnvironmentVariables = env,
        }));

    [Fact]
    public async Task The_published_server_lists_every_tool_within_the_token_budget_and_summarizes_over_stdio()
    {
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Reply("DIGEST: 42 errors CS0246");
        using var ws = new TempDirectory("dm-mcp-proc");
        ws.Write(".claude/dm.json", ProviderTestHost.FastRetriesDmJson);
        ws.Write("build.log", Samples.BuildLog());

        var env = Environment(gemini);
        await using var client = await StartAsync(ws.Path, env);

        var tools = await client.ListToolsAsync();
        var listBytes = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(tools.Select(t => t.ProtocolTool)));
        output.WriteLine($"tools/list of the real server ({string.Join(", ", tools.Select(t => t.Name))}): {listBytes} bytes ≈ {listBytes / 4} tokens");
        tools.Select(t => t.Name).Should().Contain(["summarize", "scaffold", "consult", "tribunal", "dispatch"]);
        (listBytes / 4).Should().BeLessThan(3_000, "the whole tools/list answer stays under ~3,000 tokens");

        var result = await client.CallToolAsync("summarize", new Dictionary<string, object?> { ["paths"] = new[] { "build.log" } });
        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
        result.IsError.Should().NotBe(true, text);
        text.Should().Contain("build.log: ").And.Contain("42 error lines").And.Contain("DIGEST: 42 errors CS0246");
        File.ReadAllText(Path.Combine(ws.Path, ".claude", "dm", "mcp.log")).Should().Contain("summarize finished");
        File.ReadAllText(Path.Combine(ws.Path, ".claude", "dm", "ledger.jsonl")).Should().Contain("\"lane\":\"summarize\"");
    }

    [Fact]
    public async Task The_published_server_lists_its_tools_and_summarizes_with_no_dotnet_anywhere()
    {
        // Issue 29.4: no dotnet on PATH, DOTNET_ROOT pointing nowhere — the Native-AOT server needs neither.
        var exe = await ServerExeAsync();
        WithoutDotnet.IsNativeExecutable(exe).Should().BeTrue("a Native-AOT binary, not an apphost that loads libhostfxr from a .NET install");
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Reply("DIGEST: 42 errors CS0246");
        using var ws = new TempDirectory("dm-mcp-nodotnet");
        ws.Write(".claude/dm.json", ProviderTestHost.FastRetriesDmJson);
        ws.Write("build.log", Samples.BuildLog());
        var env = Environment(gemini);
        foreach (var (key, value) in WithoutDotnet.Environment(System.IO.Directory.CreateDirectory(ws.Combine("empty-path")).FullName)) env[key] = value;

        await using var client = await StartAsync(ws.Path, env);

        (await client.ListToolsAsync()).Select(t => t.Name).Should().Contain(["summarize", "dispatch"]);
        var result = await client.CallToolAsync("summarize", new Dictionary<string, object?> { ["paths"] = new[] { "build.log" } });
        string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text)).Should().Contain("DIGEST: 42 errors CS0246");
    }

    [Fact]
    public async Task A_configuration_with_errors_still_starts_the_server_and_every_answer_names_the_problems()
    {
        // Issue 26 item 9: a typo in the repository's dm.json, a bad URL or a CRLF in a key aborted dm-mcp at start, so
        // no tool was available at all.
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Reply("DIGEST: 42 errors CS0246");
        using var ws = new TempDirectory("dm-mcp-badcfg");
        var config = System.Text.Json.Nodes.JsonNode.Parse(ProviderTestHost.FastRetriesDmJson)!.AsObject();
        config["mcp"] = new System.Text.Json.Nodes.JsonObject { ["maxFiles"] = -1 };
        config["providers"] ??= new System.Text.Json.Nodes.JsonObject();
        config["providers"]!["deepseek"] = new System.Text.Json.Nodes.JsonObject { ["baseUrl"] = "not a url" };
        ws.Write(".claude/dm.json", config.ToJsonString());
        ws.Write("build.log", Samples.BuildLog());
        var env = Environment(gemini);
        env["OPENAI_API_KEY"] = "sk-test\r\nX-Injected: 1";

        await using var client = await StartAsync(ws.Path, env);
        var tools = await client.ListToolsAsync();
        var result = await client.CallToolAsync("summarize", new Dictionary<string, object?> { ["paths"] = new[] { "build.log" } });

        tools.Select(t => t.Name).Should().Contain(["summarize", "scaffold", "consult", "tribunal", "dispatch"]);
        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
        output.WriteLine(text);
        result.IsError.Should().NotBe(true, text);
        text.Should().Contain("DIGEST: 42 errors CS0246")
            .And.Contain("[dm.json: 3 problem(s), each value left at its default, the rest applies")
            .And.Contain("mcp.maxFiles must be a whole number").And.Contain("'not a url' is not an http(s) URL")
            .And.Contain("OPENAI_API_KEY contains a line break").And.NotContain("sk-test");
    }

    [Fact]
    public async Task The_official_TypeScript_SDK_lists_the_tools_and_calls_summarize_on_the_real_process()
    {
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Reply("DIGEST FROM FAKE GEMINI");
        using var ws = new TempDirectory("dm-mcp-ts");
        ws.Write(".claude/dm.json", ProviderTestHost.FastRetriesDmJson);
        ws.Write("logs/app.log", Samples.BuildLog(50 * 1024, 5));
        var script = Path.Combine(RepoPaths.Root, "tests", "DistributedModel.Testing", "Mcp", "ts-client.mjs");
        var env = Environment(gemini);

        var run = await ProcessRunner.RunAsync("node",
            [script, RepoPaths.E2eTools, await ServerExeAsync(), "summarize", "{\"paths\":[\"logs/*.log\"]}", "--workspace", ws.Path],
            RepoPaths.Root, environment: env, timeout: TimeSpan.FromMinutes(2));

        run.ExitCode.Should().Be(0, run.ToString());
        using var doc = JsonDocument.Parse(run.StdOut);
        output.WriteLine($"TypeScript SDK saw tools/list of {doc.RootElement.GetProperty("listBytes").GetInt32()} bytes");
        doc.RootElement.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString())
            .Should().Contain(["summarize", "scaffold", "consult", "tribunal"]);
        var result = doc.RootElement.GetProperty("result");
        result.GetProperty("isError").GetBoolean().Should().BeFalse(result.GetProperty("text").GetString());
        result.GetProperty("text").GetString().Should().Contain("logs/app.log: ").And.Contain("5 error lines").And.Contain("DIGEST FROM FAKE GEMINI");
    }
}
