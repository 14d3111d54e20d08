using System.Text.Json.Nodes;
using DistributedModel.Mcp.Tests.Dispatch.Review;
using DistributedModel.Testing;
using DistributedModel.Testing.Processes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit.Abstractions;

namespace DistributedModel.Mcp.Tests.Dispatch;

/// <summary>
/// The published dm-mcp process over stdio: configuration from .claude/dm.json, the real codex CLI against the fake
/// Responses API, reviewers through the provider library against the fake Ollama.
/// </summary>
[Collection(CodexCollection.Name)]
public sealed class DispatchStdioTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_published_server_dispatches_commits_on_a_branch_and_returns_the_verdicts()
    {
        var publishDir = await DotnetPublisher.PublishAsync("src/DistributedModel.Mcp", aot: true);
        await using var h = await DispatchHarness.WithFixScriptAsync();
        await using var reviewers = await ReviewerBackend.StartAsync(new Dictionary<string, ScriptedReview>
        {
            ["glm-4.7-flash"] = ScriptedReview.Verdict("approve", default, ("src/calc.py", 2, "info", "consider a docstring")),
        });
        using var codexHome = new TempDirectory("dm-codex-home");
        using var userHome = new TempDirectory("dm-user-home");
        // The codex executable, its home and its -c overrides are user-only keys (issue 26.1): they live in ~/.claude/dm.json.
        userHome.Write(".claude/dm.json", new JsonObject
        {
            ["dispatch"] = new JsonObject
            {
                ["codexPath"] = RepoPaths.NpmBin("codex"),
                ["codexHome"] = codexHome.Path,
                ["codexConfig"] = new JsonArray([.. h.Fake.CodexConfigOverrides().Select(c => (JsonNode)c)]),
                ["timeoutSeconds"] = 90,
            },
        }.ToJsonString());
        var config = JsonNode.Parse(Testing.Providers.ProviderTestHost.FastRetriesDmJson)!.AsObject();
        config["dispatch"] = new JsonObject { ["reviewers"] = new JsonArray("correctness:ollama/glm-4.7-flash") };
        h.Repo.Write(".claude/dm.json", config.ToJsonString());
        var before = await h.Repo.SnapshotAsync();

        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = Path.Combine(publishDir, "dm-mcp"),
            Arguments = ["--workspace", h.Repo.Root],
            WorkingDirectory = h.Repo.Root,
            EnvironmentVariables = new Dictionary<string, string?>
            {
                ["OLLAMA_HOST"] = reviewers.Fake.BaseUrl,
                ["HOME"] = userHome.Path,
                ["GEMINI_API_KEY"] = "", ["GOOGLE_API_KEY"] = "", ["OPENAI_API_KEY"] = "", ["DEEPSEEK_API_KEY"] = "",
                ["CLAUDE_PROJECT_DIR"] = null,
            },
        });
        await using var client = await McpClient.CreateAsync(transport);

        var started = await client.DispatchAsync(new Dictionary<string, object?> { ["brief"] = "Fix add() in src/calc.py" });
        var result = await client.StatusAsync(started.Id, waitSeconds: 120);

        var text = DispatchToolCalls.TextOf(result);
        output.WriteLine($"dispatch returned in {started.Elapsed.TotalMilliseconds:F0} ms: {started.Text}");
        started.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        output.WriteLine(text);
        result.IsError.Should().NotBe(true, text);
        text.Should().Contain("committed on branch dm/fix-add-in-src-calc-py-").And.Contain("reviews: approve (1 of 1 reviewers)")
            .And.Contain("· info src/calc.py:2 consider a docstring");
        var branch = h.Branches().Should().ContainSingle().Subject;
        (await h.Repo.GitAsync("show", branch + ":src/calc.py")).Should().Contain("return a + b");
        (await h.Repo.SnapshotAsync()).Should().Be(before);
        var ledger = File.ReadAllText(h.Paths.Ledger);
        ledger.Should().Contain("\"provider\":\"codex\"").And.Contain("\"lane\":\"review\"");
    }
}
