using DistributedModel.Cli.Tests.Support;
using DistributedModel.Testing;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Cli.Tests;

/// <summary>
/// The wiring each scope writes (repository install, user-scope promote, plugin) really makes the real Claude Code CLI
/// run our UserPromptSubmit hook: a stand-in hook injects a marker that must reach the model request.
/// </summary>
public sealed class WiringEndToEndTests : IDisposable
{
    private const string Marker = "DM-WIRING-MARKER-7f3a";
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string HookBinaries()
    {
        var dir = _h.FakeBinaries();
        File.WriteAllText(Path.Combine(dir, "UserPromptSubmit"),
            "#!/bin/sh\ncat >/dev/null\nprintf '{\"hookSpecificOutput\":{\"hookEventName\":\"UserPromptSubmit\",\"additionalContext\":\"" + Marker + "\"}}'\n");
        return dir;
    }

    private async Task<(ProcessResult Run, bool MarkerSeen)> AskClaudeAsync(FakeAnthropic api, string? cwd = null)
    {
        var env = new Dictionary<string, string?>
        {
            ["HOME"] = _h.Home,
            ["ANTHROPIC_BASE_URL"] = api.BaseUrl,
            ["ANTHROPIC_API_KEY"] = "sk-test",
            ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
            ["DISABLE_AUTOUPDATER"] = "1",
            ["CLAUDE_PROJECT_DIR"] = null,
        };
        var run = await ProcessRunner.RunAsync(RepoPaths.NpmBin("claude"), ["-p", "hello", "--output-format", "json"], cwd ?? _h.Repo,
            environment: env, timeout: TimeSpan.FromSeconds(90));
        return (run, api.Requests.Any(r => r.Contains(Marker, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Repository_install_wiring_runs_the_hook_in_real_claude()
    {
        await using var api = await FakeAnthropic.StartAsync();
        (await _h.RunAsync("install", "--hooks-from", HookBinaries())).ExitCode.Should().Be(0);

        var (run, seen) = await AskClaudeAsync(api);

        seen.Should().BeTrue(run.ToString());
    }

    [Fact]
    public async Task User_scope_promote_wiring_runs_the_hook_in_real_claude_and_uninstall_stops_it()
    {
        await using var api = await FakeAnthropic.StartAsync();
        (await _h.RunAsync("install", "--hooks-from", HookBinaries())).ExitCode.Should().Be(0);
        (await _h.RunAsync("promote", "--force")).ExitCode.Should().Be(0);
        File.Exists(_h.RepoFile(".claude/settings.json")).Should().BeFalse("promote moved the wiring to the user scope");

        var (run, seen) = await AskClaudeAsync(api);
        seen.Should().BeTrue(run.ToString());

        (await _h.RunAsync("uninstall", "--global")).ExitCode.Should().Be(0);
        api.Requests.Clear();
        var (after, seenAfter) = await AskClaudeAsync(api);
        api.Requests.Should().NotBeEmpty(after.ToString());
        seenAfter.Should().BeFalse("the hook is no longer wired anywhere");
    }

    [Fact]
    public async Task Plugin_wiring_runs_the_hook_in_real_claude()
    {
        await using var api = await FakeAnthropic.StartAsync();
        var plugin = Path.Combine(_h.Root, "plugin");
        (await _h.RunAsync("plugin", "--out", plugin, "--hooks-from", HookBinaries())).ExitCode.Should().Be(0);
        var env = new Dictionary<string, string?> { ["HOME"] = _h.Home, ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1", ["DISABLE_AUTOUPDATER"] = "1" };
        var claude = RepoPaths.NpmBin("claude");
        (await ProcessRunner.RunAsync(claude, ["plugin", "marketplace", "add", plugin], _h.Root, environment: env, timeout: TimeSpan.FromSeconds(60))).ExitCode.Should().Be(0);
        (await ProcessRunner.RunAsync(claude, ["plugin", "install", "distributed-model@distributed-model"], _h.Root, environment: env, timeout: TimeSpan.FromSeconds(60))).ExitCode.Should().Be(0);

        var (run, seen) = await AskClaudeAsync(api);

        seen.Should().BeTrue(run.ToString());
    }

    [Fact]
    public async Task Real_claude_sees_our_mcp_server_in_project_scope_after_install_and_in_user_scope_after_promote()
    {
        var env = new Dictionary<string, string?> { ["HOME"] = _h.Home, ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1", ["DISABLE_AUTOUPDATER"] = "1" };
        var claude = RepoPaths.NpmBin("claude");
        (await _h.RunAsync("install", "--hooks-from", HookBinaries())).ExitCode.Should().Be(0);

        var project = await ProcessRunner.RunAsync(claude, ["mcp", "get", "distributed-model"], _h.Repo, environment: env, timeout: TimeSpan.FromSeconds(60));
        project.StdOut.Should().Contain("Scope: Project config", project.ToString());

        (await _h.RunAsync("promote", "--force")).ExitCode.Should().Be(0);
        var user = await ProcessRunner.RunAsync(claude, ["mcp", "get", "distributed-model"], _h.Repo, environment: env, timeout: TimeSpan.FromSeconds(60));
        user.StdOut.Should().Contain("Scope: User config", user.ToString());
    }

    /// <summary>
    /// A stand-in MCP server (the real SDK from tests/e2e-tools over stdio) offering one tool, <c>ping</c>; at start it
    /// records its working directory and CLAUDE_PROJECT_DIR in <c>mcp-started.txt</c> of its own working directory.
    /// </summary>
    private string BinariesWithNodeMcpServer()
    {
        var dir = HookBinaries();
        var sdk = Path.Combine(RepoPaths.E2eTools, "node_modules", "@modelcontextprotocol", "sdk", "dist", "cjs");
        var script = $$"""
            #!/usr/bin/env node
            const { McpServer } = require({{System.Text.Json.JsonSerializer.Serialize(Path.Combine(sdk, "server", "mcp.js"))}});
            const { StdioServerTransport } = require({{System.Text.Json.JsonSerializer.Serialize(Path.Combine(sdk, "server", "stdio.js"))}});
            require('fs').writeFileSync('mcp-started.txt', process.cwd() + '|' + process.env.CLAUDE_PROJECT_DIR);
            const s = new McpServer({ name: 'fake-dm', version: '0.0.1' });
            s.tool('ping', 'ping', async () => ({ content: [{ type: 'text', text: 'pong' }] }));
            s.connect(new StdioServerTransport());
            """;
        File.WriteAllText(Path.Combine(dir, "mcp", "dm-mcp"), script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return dir;
    }

    [Theory]
    [InlineData("")]
    [InlineData("src/deep")]
    public async Task Install_wiring_lets_real_claude_start_our_mcp_server_at_the_project_root_from_any_subdirectory(string launchDir)
    {
        await using var api = await FakeAnthropic.StartAsync();
        (await _h.RunAsync("install", "--hooks-from", BinariesWithNodeMcpServer())).ExitCode.Should().Be(0);
        (await ProcessRunner.RunAsync("git", ["init", "-q"], _h.Repo)).ExitCode.Should().Be(0);
        var cwd = Path.Combine(_h.Repo, launchDir);
        Directory.CreateDirectory(cwd);

        var (run, hookRan) = await AskClaudeAsync(api, cwd);

        // Claude Code 2.1.197 reads project settings (our hooks) only from the launch directory, so hooks run only when
        // claude starts at the root; .mcp.json however is found from subdirectories too (hence the launcher).
        if (launchDir.Length == 0) hookRan.Should().BeTrue();
        api.Requests.Any(r => r.Contains("mcp__distributed-model__ping", StringComparison.Ordinal)).Should().BeTrue(run.ToString());
        File.ReadAllText(_h.RepoFile("mcp-started.txt")).Should().Be(_h.Repo + "|" + _h.Repo, "the server runs at the project root and knows it");
    }
}
