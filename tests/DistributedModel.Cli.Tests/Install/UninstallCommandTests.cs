using DistributedModel.Cli.Tests.Support;

namespace DistributedModel.Cli.Tests.Install;

public sealed class UninstallCommandTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Install_then_uninstall_leaves_user_files_byte_identical()
    {
        _h.WriteRepo(".claude/settings.json", UserFiles.Settings);
        _h.WriteRepo(".mcp.json", UserFiles.Mcp);
        _h.WriteRepo("src/app.cs", "class App {}\n");
        var files = CliHarness.Snapshot(_h.Repo);
        var dirs = CliHarness.Dirs(_h.Repo);

        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        File.ReadAllText(_h.RepoFile(".claude/settings.json")).Should().NotBe(UserFiles.Settings);
        var run = await _h.RunAsync("uninstall");

        run.ExitCode.Should().Be(0, run.ToString());
        CliHarness.Snapshot(_h.Repo).Should().Equal(files);
        CliHarness.Dirs(_h.Repo).Should().Equal(dirs);
    }

    [Fact]
    public async Task Upgrading_an_install_whose_server_entry_is_from_an_earlier_version_updates_it_and_uninstall_still_restores_the_original()
    {
        _h.WriteRepo(".mcp.json", UserFiles.Mcp);
        var original = File.ReadAllBytes(_h.RepoFile(".mcp.json"));
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        // What an earlier dm wrote: the same server without "alwaysLoad".
        var mcp = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(_h.RepoFile(".mcp.json")))!;
        mcp["mcpServers"]![DistributedModel.Core.Wiring.WiringDefaults.McpServerName]!.AsObject().Remove("alwaysLoad").Should().BeTrue();
        File.WriteAllText(_h.RepoFile(".mcp.json"), mcp.ToJsonString());

        var doctor = await _h.RunAsync("doctor");
        var upgrade = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

        doctor.Out.Split('\n').Single(l => l.Contains("server in", StringComparison.Ordinal)).Should().StartWith("FAIL").And.Contain("run `dm install`");
        upgrade.ExitCode.Should().Be(0, upgrade.ToString());
        upgrade.Out.Should().Contain("server \"distributed-model\" merged");
        File.ReadAllText(_h.RepoFile(".mcp.json")).Should().Contain("\"alwaysLoad\": true");
        (await _h.RunAsync("uninstall")).ExitCode.Should().Be(0);
        File.ReadAllBytes(_h.RepoFile(".mcp.json")).Should().Equal(original);
    }

    [Fact]
    public async Task Round_trip_on_an_empty_repo_leaves_nothing_behind()
    {
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);

        (await _h.RunAsync("uninstall")).ExitCode.Should().Be(0);

        Directory.EnumerateFileSystemEntries(_h.Repo).Should().BeEmpty();
    }

    [Fact]
    public async Task Round_trip_restores_an_existing_empty_hooks_object_and_our_name_taken_by_the_user()
    {
        const string settings = "{\"hooks\":{},\"model\":\"sonnet\"}";
        const string mcp = "{\"mcpServers\":{\"distributed-model\":{\"command\":\"/opt/their/own\"}}}";
        _h.WriteRepo(".claude/settings.json", settings);
        _h.WriteRepo(".mcp.json", mcp);

        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        (await _h.RunAsync("uninstall")).ExitCode.Should().Be(0);

        File.ReadAllText(_h.RepoFile(".claude/settings.json")).Should().Be(settings);
        File.ReadAllText(_h.RepoFile(".mcp.json")).Should().Be(mcp);
    }

    [Fact]
    public async Task Changes_the_user_made_after_install_survive_uninstall()
    {
        _h.WriteRepo(".claude/settings.json", UserFiles.Settings);
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        var path = _h.RepoFile(".claude/settings.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"model\": \"opus\"", "\"model\": \"sonnet\"", StringComparison.Ordinal));

        (await _h.RunAsync("uninstall")).ExitCode.Should().Be(0);

        var text = File.ReadAllText(path);
        text.Should().Contain("\"model\": \"sonnet\"").And.NotContain("hooks/bin/").And.Contain("npx prettier");
    }

    [Fact]
    public async Task Uninstall_keeps_logs_unless_purge()
    {
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        _h.WriteRepo(".claude/hooks.log", "{}\n");
        _h.WriteRepo(".claude/dm/ledger.jsonl", "{}\n");

        var run = await _h.RunAsync("uninstall");

        run.Out.Should().Contain("Kept .claude/hooks.log");
        File.Exists(_h.RepoFile(".claude/hooks.log")).Should().BeTrue();
        File.Exists(_h.RepoFile(".claude/dm/ledger.jsonl")).Should().BeTrue();
        File.Exists(_h.RepoFile(".claude/dm/install.json")).Should().BeFalse();

        (await _h.RunAsync("uninstall", "--purge")).ExitCode.Should().Be(0);
        File.Exists(_h.RepoFile(".claude/hooks.log")).Should().BeFalse();
        Directory.Exists(_h.RepoFile(".claude/dm")).Should().BeFalse();
    }

    [Fact]
    public async Task A_hook_directory_that_is_not_ours_is_left_alone()
    {
        _h.WriteRepo("hooks/bin/their-tool", "#!/bin/sh\n");

        var run = await _h.RunAsync("uninstall");

        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("not created by dm");
        File.Exists(_h.RepoFile("hooks/bin/their-tool")).Should().BeTrue();
    }

    [Fact]
    public async Task Files_the_user_added_to_our_hook_directory_are_kept()
    {
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        _h.WriteRepo("hooks/bin/notes.txt", "mine");

        var run = await _h.RunAsync("uninstall");

        run.Out.Should().Contain("kept 1 file(s) that are not ours");
        File.ReadAllText(_h.RepoFile("hooks/bin/notes.txt")).Should().Be("mine");
        File.Exists(_h.RepoFile("hooks/bin/PostToolUse")).Should().BeFalse();
    }

    [Fact]
    public async Task Malformed_settings_stop_uninstall_with_nothing_changed()
    {
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        File.WriteAllText(_h.RepoFile(".mcp.json"), "{ nope");
        var before = CliHarness.Snapshot(_h.Repo);

        var run = await _h.RunAsync("uninstall");

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain(_h.RepoFile(".mcp.json"));
        CliHarness.Snapshot(_h.Repo).Should().Equal(before);
    }

    [Fact]
    public async Task Round_trip_keeps_a_byte_order_mark_and_crlf_line_endings()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes("{\r\n\t\"model\": \"opus\"\r\n}\r\n")).ToArray();
        Directory.CreateDirectory(_h.RepoFile(".claude"));
        File.WriteAllBytes(_h.RepoFile(".claude/settings.json"), bytes);

        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        File.ReadAllBytes(_h.RepoFile(".claude/settings.json")).Should().NotEqual(bytes);
        (await _h.RunAsync("uninstall")).ExitCode.Should().Be(0);

        File.ReadAllBytes(_h.RepoFile(".claude/settings.json")).Should().Equal(bytes);
    }

    [Fact]
    public async Task Editing_keeps_the_file_permissions()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = _h.WriteRepo(".mcp.json", UserFiles.Mcp);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);

        File.ReadAllText(path).Should().Contain("distributed-model");
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
