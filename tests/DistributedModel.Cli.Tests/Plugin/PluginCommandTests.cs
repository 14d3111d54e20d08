using System.Text.Json.Nodes;
using DistributedModel.Cli.Tests.Support;
using DistributedModel.Core.Wiring;
using DistributedModel.Testing;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Cli.Tests.Plugin;

[Collection(RealClaudeCollection.Name)]
public sealed class PluginCommandTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string PluginDir => Path.Combine(_h.Root, "plugin");

    private Dictionary<string, string?> ClaudeEnv() => new()
    {
        ["HOME"] = _h.Home,
        ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
        ["DISABLE_AUTOUPDATER"] = "1",
        ["ANTHROPIC_API_KEY"] = null,
    };

    [Fact]
    public async Task Plugin_holds_manifest_hooks_mcp_config_and_binaries_under_the_plugin_root()
    {
        var run = await _h.RunAsync("plugin", "--out", PluginDir, "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(0, run.ToString());
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(PluginDir, ".claude-plugin/plugin.json")))!;
        manifest["name"]!.GetValue<string>().Should().Be("distributed-model");
        var hooks = JsonNode.Parse(File.ReadAllText(Path.Combine(PluginDir, "hooks/hooks.json")))!["hooks"]!;
        hooks["PostToolUse"]![0]!["matcher"]!.GetValue<string>().Should().Be(WiringDefaults.PostToolUseMatcher);
        hooks["PostToolUse"]![0]!["hooks"]![0]!["command"]!.GetValue<string>().Should().Be(WiringDefaults.GuardedCommand("\"${CLAUDE_PLUGIN_ROOT}\"/bin/PostToolUse"));
        hooks["UserPromptSubmit"]![0]!["hooks"]![0]!["command"]!.GetValue<string>().Should().Be(WiringDefaults.GuardedCommand("\"${CLAUDE_PLUGIN_ROOT}\"/bin/UserPromptSubmit", " --install plugin"), "the hook must know plugin tools are mcp__plugin_distributed-model_distributed-model__*");
        var mcp = JsonNode.Parse(File.ReadAllText(Path.Combine(PluginDir, ".mcp.json")))!;
        mcp["mcpServers"]![WiringDefaults.McpServerName]!["command"]!.GetValue<string>().Should().Be("${CLAUDE_PLUGIN_ROOT}/bin/mcp/dm-mcp");
        File.Exists(Path.Combine(PluginDir, "bin/PostToolUse")).Should().BeTrue();
        File.Exists(Path.Combine(PluginDir, "bin/mcp/dm-mcp")).Should().BeTrue();
    }

    [Fact]
    public async Task Plugin_without_binaries_is_a_clear_usage_error()
    {
        var run = await _h.RunAsync("plugin", "--out", PluginDir);

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("hooks/bin").And.Contain("does not exist");
    }

    [Fact]
    public async Task Real_claude_cli_validates_the_plugin_and_marketplace_strictly_and_installs_it_with_two_hooks_and_the_server()
    {
        var claude = RepoPaths.NpmBin("claude");
        (await _h.RunAsync("plugin", "--out", PluginDir, "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);

        var manifest = await ProcessRunner.RunAsync(claude, ["plugin", "validate", "--strict", Path.Combine(PluginDir, ".claude-plugin", "plugin.json")],
            _h.Root, environment: ClaudeEnv(), timeout: TimeSpan.FromSeconds(60));
        manifest.ExitCode.Should().Be(0, manifest.ToString());
        manifest.StdOut.Should().Contain("Validation passed");
        var market = await ProcessRunner.RunAsync(claude, ["plugin", "validate", "--strict", PluginDir], _h.Root, environment: ClaudeEnv(), timeout: TimeSpan.FromSeconds(60));
        market.ExitCode.Should().Be(0, market.ToString());

        var add = await ProcessRunner.RunAsync(claude, ["plugin", "marketplace", "add", PluginDir], _h.Root, environment: ClaudeEnv(), timeout: TimeSpan.FromSeconds(60));
        add.ExitCode.Should().Be(0, add.ToString());
        var install = await ProcessRunner.RunAsync(claude, ["plugin", "install", "distributed-model@distributed-model"], _h.Root, environment: ClaudeEnv(), timeout: TimeSpan.FromSeconds(60));
        install.ExitCode.Should().Be(0, install.ToString());
        var details = await ProcessRunner.RunAsync(claude, ["plugin", "details", "distributed-model@distributed-model"], _h.Root, environment: ClaudeEnv(), timeout: TimeSpan.FromSeconds(60));
        details.StdOut.Should().MatchRegex(@"Hooks \(2\)\s+UserPromptSubmit, PostToolUse").And.MatchRegex(@"MCP servers \(1\)\s+distributed-model");
    }

    [Fact]
    public async Task Real_claude_cli_strict_validation_rejects_a_broken_manifest()
    {
        // Guards the test above: the validator does look at our files.
        var claude = RepoPaths.NpmBin("claude");
        (await _h.RunAsync("plugin", "--out", PluginDir, "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        var path = Path.Combine(PluginDir, ".claude-plugin", "plugin.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"name\": \"distributed-model\"", "\"name\": \"Distributed Model!\"", StringComparison.Ordinal));

        var r = await ProcessRunner.RunAsync(claude, ["plugin", "validate", "--strict", path], _h.Root, environment: ClaudeEnv(), timeout: TimeSpan.FromSeconds(60));

        r.ExitCode.Should().NotBe(0, r.ToString());
    }
}
