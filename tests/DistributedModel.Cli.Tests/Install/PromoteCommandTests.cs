using System.Text.Json.Nodes;
using DistributedModel.Cli.Tests.Support;
using DistributedModel.Core.Wiring;

namespace DistributedModel.Cli.Tests.Install;

public sealed class PromoteCommandTests : IDisposable
{
    private readonly CliHarness _h = new();

    public PromoteCommandTests()
    {
        _h.WriteHome(".claude/settings.json", UserFiles.Settings);
        _h.WriteHome(".claude.json", UserFiles.ClaudeJson);
    }

    public void Dispose() => _h.Dispose();

    private async Task InstallAndPassTheReview()
    {
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        _h.Clock.Advance(TimeSpan.FromDays(8));
        SyntheticLogs.WritePassingWeek(_h.Repo, _h.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Promote_refuses_when_the_review_does_not_pass_and_changes_nothing()
    {
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        var home = CliHarness.Snapshot(_h.Home);

        var run = await _h.RunAsync("promote");

        run.ExitCode.Should().Be(1);
        run.Out.Should().Contain("does not pass").And.Contain("--force").And.Contain("validation window has run 0.0 of 7 days");
        CliHarness.Snapshot(_h.Home).Should().Equal(home);
    }

    [Fact]
    public async Task Promote_after_a_passing_review_wires_user_scope_with_backups_and_moves_the_repo_wiring()
    {
        await InstallAndPassTheReview();

        var run = await _h.RunAsync("promote");

        run.ExitCode.Should().Be(0, run.ToString());
        var bin = _h.HomeFile(".claude/dm/bin");
        File.Exists(Path.Combine(bin, "PostToolUse")).Should().BeTrue();
        var settings = (JsonObject)JsonNode.Parse(File.ReadAllText(_h.HomeFile(".claude/settings.json")))!;
        settings["hooks"]!["PostToolUse"]!.AsArray().Select(g => g!["hooks"]![0]!["command"]!.GetValue<string>())
            .Should().Equal("npx prettier --write \"$FILE\"", WiringDefaults.GuardedCommand($"\"{Path.Combine(bin, "PostToolUse")}\""));
        settings["hooks"]!["UserPromptSubmit"]![0]!["hooks"]![0]!["command"]!.GetValue<string>()
            .Should().Be(WiringDefaults.GuardedCommand($"\"{Path.Combine(bin, "UserPromptSubmit")}\"", " --install user"));
        ((JsonObject)settings["hooks"]!).ContainsKey(WiringDefaults.SessionStartEvent).Should().BeFalse("user scope has its binaries by construction");
        var claude = (JsonObject)JsonNode.Parse(File.ReadAllText(_h.HomeFile(".claude.json")))!;
        claude.Select(p => p.Key).Should().Equal("numStartups", "theme", "mcpServers", "projects");
        ((JsonObject)claude["mcpServers"]!).Select(p => p.Key).Should().Equal("memory", WiringDefaults.McpServerName);
        claude["mcpServers"]![WiringDefaults.McpServerName]!["command"]!.GetValue<string>().Should().Be(Path.Combine(bin, "mcp", "dm-mcp"));

        var backups = Directory.GetFiles(_h.Home, "*.dm-backup-*", SearchOption.AllDirectories).Select(Path.GetFileName).Order().ToList();
        backups.Should().HaveCount(2).And.Contain(b => b!.StartsWith(".claude.json.dm-backup-", StringComparison.Ordinal))
            .And.Contain(b => b!.StartsWith("settings.json.dm-backup-", StringComparison.Ordinal));
        File.ReadAllText(Directory.GetFiles(_h.HomeFile(".claude"), "settings.json.dm-backup-*").Single()).Should().Be(UserFiles.Settings);

        // Moved: the repository no longer wires the hooks (they would run twice).
        File.Exists(_h.RepoFile(".claude/settings.json")).Should().BeFalse();
        File.Exists(_h.RepoFile(".mcp.json")).Should().BeFalse();
    }

    [Fact]
    public async Task Promote_with_force_warns_and_proceeds()
    {
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);

        var run = await _h.RunAsync("promote", "--force", "--keep-repo");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Err.Should().Contain("warning: promoting with --force");
        File.ReadAllText(_h.HomeFile(".claude/settings.json")).Should().Contain(".claude/dm/bin/PostToolUse");
        File.ReadAllText(_h.RepoFile(".claude/settings.json")).Should().Contain("$CLAUDE_PROJECT_DIR", "--keep-repo keeps the repo wiring");
    }

    [Fact]
    public async Task Promote_twice_changes_nothing_the_second_time()
    {
        await InstallAndPassTheReview();
        (await _h.RunAsync("promote")).ExitCode.Should().Be(0);
        var home = CliHarness.Snapshot(_h.Home);

        var run = await _h.RunAsync("promote");

        run.ExitCode.Should().Be(0, run.ToString());
        CliHarness.Snapshot(_h.Home).Should().Equal(home);
    }

    [Fact]
    public async Task Promote_then_uninstall_global_restores_the_user_files_byte_identical()
    {
        await InstallAndPassTheReview();
        (await _h.RunAsync("promote")).ExitCode.Should().Be(0);

        var run = await _h.RunAsync("uninstall", "--global");

        run.ExitCode.Should().Be(0, run.ToString());
        File.ReadAllText(_h.HomeFile(".claude/settings.json")).Should().Be(UserFiles.Settings);
        File.ReadAllText(_h.HomeFile(".claude.json")).Should().Be(UserFiles.ClaudeJson);
        Directory.Exists(_h.HomeFile(".claude/dm")).Should().BeFalse();
    }

    [Fact]
    public async Task Promote_into_a_home_without_claude_files_and_back_leaves_only_the_backups_free_home()
    {
        File.Delete(_h.HomeFile(".claude/settings.json"));
        File.Delete(_h.HomeFile(".claude.json"));
        Directory.Delete(_h.HomeFile(".claude"));
        await InstallAndPassTheReview();
        (await _h.RunAsync("promote")).ExitCode.Should().Be(0);

        (await _h.RunAsync("uninstall", "--global")).ExitCode.Should().Be(0);

        Directory.EnumerateFileSystemEntries(_h.Home).Should().BeEmpty();
    }

    [Fact]
    public async Task Malformed_claude_json_stops_promote_with_the_user_files_untouched()
    {
        await InstallAndPassTheReview();
        File.WriteAllText(_h.HomeFile(".claude.json"), "{\"numStartups\": 42,,}");
        var home = CliHarness.Snapshot(_h.Home);

        var run = await _h.RunAsync("promote");

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain(_h.HomeFile(".claude.json")).And.Contain("not valid JSON");
        CliHarness.Snapshot(_h.Home).Should().Equal(home);
    }

    [Fact]
    public async Task Promote_without_an_install_says_to_install_first()
    {
        var run = await _h.RunAsync("promote", "--force");

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("dm install");
    }
}
