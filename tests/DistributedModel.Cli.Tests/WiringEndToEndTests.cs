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

    private async Task<(ProcessResult Run, bool MarkerSeen)> AskClaudeAsync(FakeAnthropic api)
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
        var run = await ProcessRunner.RunAsync(RepoPaths.NpmBin("claude"), ["-p", "hello", "--output-format", "json"], _h.Repo,
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
}
