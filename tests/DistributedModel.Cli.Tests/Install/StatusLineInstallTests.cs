using System.Text.Json.Nodes;
using DistributedModel.Cli.Tests.Support;
using DistributedModel.Core.Wiring;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Cli.Tests.Install;

/// <summary>
/// Issue 29.3: <c>dm install --statusline</c> wires Claude Code's one <c>statusLine</c> setting to our binary only when
/// the user has none; <c>--replace-statusline</c> replaces theirs and uninstall gives it back byte for byte. Real files in
/// temp git repositories; the test that runs the wired command runs the real published status line.
/// </summary>
public sealed class StatusLineInstallTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>A user's settings.json with a status line of their own, not in our format (4-space indent, no trailing newline).</summary>
    private const string SettingsWithStatusLine = """
        {
            "model": "opus",
            "statusLine": {
                "type": "command",
                "command": "~/.claude/statusline.sh",
                "padding": 2
            },
            "env": { "FOO": "bär" }
        }
        """;

    private static JsonObject Read(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;

    private static JsonObject Ours(string command) => new() { ["type"] = "command", ["command"] = command };

    private async Task GitInitAsync(string dir)
    {
        var env = new Dictionary<string, string?> { ["HOME"] = _h.Home, ["GIT_CONFIG_NOSYSTEM"] = "1" };
        var r = await ProcessRunner.RunAsync("git", ["init", "-q"], dir, environment: env, timeout: TimeSpan.FromSeconds(30));
        r.ExitCode.Should().Be(0, r.ToString());
    }

    [Fact]
    public async Task Install_with_statusline_sets_ours_when_there_is_none_and_the_wired_command_runs_the_real_binary()
    {
        await GitInitAsync(_h.Repo);
        _h.WriteRepo(".claude/settings.json", UserFiles.Settings);

        var run = await _h.RunAsync("install", "--statusline", "--hooks-from", await _h.RealBinariesAsync(statusLine: true));

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain(".claude/settings.json: status line set to ours");
        var settings = Read(_h.RepoFile(".claude/settings.json"));
        settings.Select(p => p.Key).Should().Equal("$schema", "permissions", "hooks", "env", "model", "statusLine");
        JsonNode.DeepEquals(settings["statusLine"], Ours(WiringDefaults.StatusLineCommand())).Should().BeTrue(settings["statusLine"]!.ToJsonString());
        var exe = _h.RepoFile("hooks/bin/StatusLine");
        if (!OperatingSystem.IsWindows()) (File.GetUnixFileMode(exe) & UnixFileMode.UserExecute).Should().NotBe(UnixFileMode.None);

        // What Claude Code 2.1.332 does with it: `sh -c <command>`, CLAUDE_PROJECT_DIR = the project, the JSON on stdin.
        var command = settings["statusLine"]!["command"]!.GetValue<string>();
        var stdin = new JsonObject { ["cwd"] = _h.Repo, ["workspace"] = new JsonObject { ["current_dir"] = _h.Repo, ["project_dir"] = _h.Repo } }.ToJsonString();
        var shown = await ProcessRunner.RunAsync("sh", ["-c", command], _h.Repo, stdin, new Dictionary<string, string?> { ["CLAUDE_PROJECT_DIR"] = _h.Repo });
        shown.ExitCode.Should().Be(0, shown.ToString());
        shown.StdOut.Should().Be("dm ▾ idle\n", "the real status line, nothing logged today");

        // A teammate who pulled this settings.json has no hooks/bin: an empty status line, not an error after every message.
        var clone = _h.Write("clone/.keep", "");
        var teammate = await ProcessRunner.RunAsync("sh", ["-c", command], Path.GetDirectoryName(clone), stdin,
            new Dictionary<string, string?> { ["CLAUDE_PROJECT_DIR"] = Path.GetDirectoryName(clone) });
        teammate.ExitCode.Should().Be(0, teammate.ToString());
        teammate.StdOut.Should().BeEmpty();
    }

    [Fact]
    public async Task Install_leaves_a_status_line_of_the_users_own_says_so_in_one_line_and_uninstall_restores_the_file()
    {
        await GitInitAsync(_h.Repo);
        _h.WriteRepo(".claude/settings.json", SettingsWithStatusLine);
        var before = CliHarness.Snapshot(_h.Repo);

        var run = await _h.RunAsync("install", "--statusline", "--hooks-from", _h.FakeBinaries(statusLine: true));

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Split('\n').Where(l => l.Contains("status line", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Be(".claude/settings.json: status line left as yours (~/.claude/statusline.sh); --replace-statusline uses ours and uninstall gives yours back");
        var settings = Read(_h.RepoFile(".claude/settings.json"));
        JsonNode.DeepEquals(settings["statusLine"], JsonNode.Parse("""{"type":"command","command":"~/.claude/statusline.sh","padding":2}""")).Should().BeTrue();
        settings.Select(p => p.Key).Should().Equal("model", "statusLine", "env", "hooks");

        (await _h.RunAsync("uninstall")).ExitCode.Should().Be(0);
        CliHarness.Snapshot(_h.Repo).Should().Equal(before);
    }

    [Fact]
    public async Task Replace_statusline_replaces_theirs_in_place_and_uninstall_restores_the_file_byte_for_byte()
    {
        await GitInitAsync(_h.Repo);
        _h.WriteRepo(".claude/settings.json", SettingsWithStatusLine);
        var before = CliHarness.Snapshot(_h.Repo);

        var run = await _h.RunAsync("install", "--replace-statusline", "--hooks-from", _h.FakeBinaries(statusLine: true));

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain("status line replaced by ours (yours is kept for uninstall: ~/.claude/statusline.sh)");
        var settings = Read(_h.RepoFile(".claude/settings.json"));
        settings.Select(p => p.Key).Should().Equal("model", "statusLine", "env", "hooks");
        JsonNode.DeepEquals(settings["statusLine"], Ours(WiringDefaults.StatusLineCommand())).Should().BeTrue();
        (await _h.RunAsync("install", "--replace-statusline", "--hooks-from", _h.FakeBinaries(statusLine: true))).Out
            .Should().Contain("status line already ours, unchanged", "a second run must not record ours as the user's");

        var un = await _h.RunAsync("uninstall");

        un.ExitCode.Should().Be(0, un.ToString());
        un.Out.Should().Contain(".claude/settings.json: your status line restored");
        CliHarness.Snapshot(_h.Repo).Should().Equal(before);
    }

    [Fact]
    public async Task After_a_replace_an_edit_elsewhere_survives_uninstall_and_the_users_status_line_value_comes_back()
    {
        _h.WriteRepo(".claude/settings.json", SettingsWithStatusLine);
        (await _h.RunAsync("install", "--replace-statusline", "--hooks-from", _h.FakeBinaries(statusLine: true))).ExitCode.Should().Be(0);
        var edited = Read(_h.RepoFile(".claude/settings.json"));
        edited["model"] = "sonnet";
        File.WriteAllText(_h.RepoFile(".claude/settings.json"), edited.ToJsonString());

        (await _h.RunAsync("uninstall")).ExitCode.Should().Be(0);

        var after = Read(_h.RepoFile(".claude/settings.json"));
        after["model"]!.GetValue<string>().Should().Be("sonnet");
        after.Select(p => p.Key).Should().Equal("model", "statusLine", "env");
        JsonNode.DeepEquals(after["statusLine"], JsonNode.Parse("""{"type":"command","command":"~/.claude/statusline.sh","padding":2}""")).Should().BeTrue();
    }

    [Fact]
    public async Task Uninstall_after_a_statusline_install_removes_the_key_and_leaves_settings_json_as_before()
    {
        await GitInitAsync(_h.Repo);
        _h.WriteRepo(".claude/settings.json", UserFiles.Settings);
        var before = CliHarness.Snapshot(_h.Repo);
        var bins = _h.FakeBinaries(statusLine: true);
        (await _h.RunAsync("install", "--statusline", "--hooks-from", bins)).ExitCode.Should().Be(0);
        var wired = CliHarness.Snapshot(_h.Repo);
        (await _h.RunAsync("install", "--hooks-from", bins)).ExitCode.Should().Be(0);
        CliHarness.Snapshot(_h.Repo).Should().Equal(wired, "a later install without the flag keeps our status line and changes nothing");

        var run = await _h.RunAsync("uninstall");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain(".claude/settings.json: our status line removed");
        CliHarness.Snapshot(_h.Repo).Should().Equal(before);
    }

    [Fact]
    public async Task Round_trip_on_an_empty_repo_leaves_nothing_behind()
    {
        await GitInitAsync(_h.Repo);
        var before = CliHarness.Snapshot(_h.Repo);
        var dirs = CliHarness.Dirs(_h.Repo);
        (await _h.RunAsync("install", "--statusline", "--hooks-from", _h.FakeBinaries(statusLine: true))).ExitCode.Should().Be(0);
        Read(_h.RepoFile(".claude/settings.json")).ContainsKey("statusLine").Should().BeTrue();

        (await _h.RunAsync("uninstall")).ExitCode.Should().Be(0);

        CliHarness.Snapshot(_h.Repo).Should().Equal(before);
        CliHarness.Dirs(_h.Repo).Should().Equal(dirs);
    }

    [Fact]
    public async Task Install_without_the_flag_does_not_touch_a_status_line_and_uninstall_leaves_one_that_is_not_ours()
    {
        _h.WriteRepo(".claude/settings.json", SettingsWithStatusLine);
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        JsonNode.DeepEquals(Read(_h.RepoFile(".claude/settings.json"))["statusLine"], JsonNode.Parse(SettingsWithStatusLine)!["statusLine"]).Should().BeTrue();

        var run = await _h.RunAsync("uninstall");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().NotContain("status line");
        File.ReadAllText(_h.RepoFile(".claude/settings.json")).Should().Be(SettingsWithStatusLine);
    }

    [Theory]
    [InlineData("\"~/.claude/statusline.sh\"", "~/.claude/statusline.sh")]
    [InlineData("{\"command\": \"~/bin/sl\"}", "~/bin/sl")]
    [InlineData("{\"type\": \"command\", \"command\": 42}", "{\"type\":\"command\",\"command\":42}")]
    [InlineData("null", "null")]
    public async Task A_malformed_status_line_stops_install_with_a_clear_message_and_loses_nothing(string value, string shown)
    {
        await GitInitAsync(_h.Repo);
        var text = "{\n    \"model\": \"opus\",\n    \"statusLine\": " + value + "\n}";
        _h.WriteRepo(".claude/settings.json", text);
        var before = CliHarness.Snapshot(_h.Repo);
        var dirs = CliHarness.Dirs(_h.Repo);

        var run = await _h.RunAsync("install", "--statusline", "--hooks-from", _h.FakeBinaries(statusLine: true));

        run.ExitCode.Should().Be(2, run.ToString());
        run.Err.Should().Be($"error: {_h.RepoFile(".claude/settings.json")}: \"statusLine\" must be an object {{\"type\": \"command\", \"command\": \"…\"}} " +
            $"(Claude Code's shape), found {shown}. The file was not changed; fix or remove it, or pass --replace-statusline to replace it " +
            "(uninstall puts it back exactly as it is).\n");
        CliHarness.Snapshot(_h.Repo).Should().Equal(before, "nothing written: no binaries, no wiring, no record");
        CliHarness.Dirs(_h.Repo).Should().Equal(dirs);

        // Asked to replace it, install keeps it verbatim and uninstall puts it back.
        var replace = await _h.RunAsync("install", "--replace-statusline", "--hooks-from", _h.FakeBinaries(statusLine: true));
        replace.ExitCode.Should().Be(0, replace.ToString());
        JsonNode.DeepEquals(Read(_h.RepoFile(".claude/settings.json"))["statusLine"], Ours(WiringDefaults.StatusLineCommand())).Should().BeTrue();
        (await _h.RunAsync("uninstall")).ExitCode.Should().Be(0);
        CliHarness.Snapshot(_h.Repo).Should().Equal(before);
    }

    [Fact]
    public async Task Statusline_with_binaries_that_lack_it_is_refused_naming_the_file_with_nothing_changed()
    {
        _h.WriteRepo(".claude/settings.json", UserFiles.Settings);
        var before = CliHarness.Snapshot(_h.Repo);

        var run = await _h.RunAsync("install", "--statusline", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(2, run.ToString());
        run.Err.Should().Contain("missing StatusLine").And.Contain("for the status line");
        CliHarness.Snapshot(_h.Repo).Should().Equal(before);
    }
}
