using System.Text.Json.Nodes;
using DistributedModel.Cli.Tests.Support;
using DistributedModel.Core.Wiring;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Cli.Tests.Install;

public sealed class InstallCommandTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static JsonObject Read(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;

    [Fact]
    public async Task Install_into_an_empty_repo_writes_exactly_the_committed_wiring()
    {
        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(0, run.ToString());
        File.ReadAllText(_h.RepoFile(".claude/settings.json")).Should().Be("""
            {
              "hooks": {
                "UserPromptSubmit": [
                  {
                    "hooks": [
                      {
                        "type": "command",
                        "command": "[ -x \"$CLAUDE_PROJECT_DIR\"/hooks/bin/UserPromptSubmit ] && exec \"$CLAUDE_PROJECT_DIR\"/hooks/bin/UserPromptSubmit; exit 0"
                      }
                    ]
                  }
                ],
                "PostToolUse": [
                  {
                    "matcher": "Bash|Read|Grep|mcp__.*",
                    "hooks": [
                      {
                        "type": "command",
                        "command": "[ -x \"$CLAUDE_PROJECT_DIR\"/hooks/bin/PostToolUse ] && exec \"$CLAUDE_PROJECT_DIR\"/hooks/bin/PostToolUse; exit 0",
                        "timeout": 10
                      }
                    ]
                  }
                ],
                "SessionStart": [
                  {
                    "hooks": [
                      {
                        "type": "command",
                        "command": "[ -x \"$CLAUDE_PROJECT_DIR\"/hooks/bin/PostToolUse ] && [ -x \"$CLAUDE_PROJECT_DIR\"/hooks/bin/UserPromptSubmit ] || echo '{\"systemMessage\":\"Distributed Model is wired in this repository but its binaries (hooks/bin) are not installed here, so its hooks are skipped. To install them: dm install\"}'"
                      }
                    ]
                  }
                ]
              }
            }

            """.Replace("\r\n", "\n"));
        var mcp = Read(_h.RepoFile(".mcp.json"));
        JsonNode.DeepEquals(mcp["mcpServers"]![WiringDefaults.McpServerName], JsonNode.Parse(WiringDefaults.McpServerEntryJson())).Should().BeTrue();
        File.ReadAllText(_h.RepoFile(".mcp.json")).Should().EndWith("}\n");
    }

    [Fact]
    public async Task Install_copies_the_binaries_executable_into_hooks_bin()
    {
        // What must survive: every binary arrives byte for byte, the three executables stay executable and run.
        var bins = _h.FakeBinaries(marker: "copied-v7");
        var run = await _h.RunAsync("install", "--hooks-from", bins);

        run.ExitCode.Should().Be(0, run.ToString());
        foreach (var rel in new[] { "hooks/bin/PostToolUse", "hooks/bin/UserPromptSubmit", "hooks/bin/mcp/dm-mcp" })
        {
            var path = _h.RepoFile(rel);
            File.Exists(path).Should().BeTrue(rel);
            if (!OperatingSystem.IsWindows())
                (File.GetUnixFileMode(path) & UnixFileMode.UserExecute).Should().NotBe(UnixFileMode.None, rel);
            File.ReadAllBytes(path).Should().Equal(File.ReadAllBytes(Path.Combine(bins, rel["hooks/bin/".Length..])), rel);
            (await ProcessRunner.RunAsync(path, [], _h.Repo, timeout: TimeSpan.FromSeconds(30))).ExitCode.Should().Be(0, rel + " runs from hooks/bin");
        }
    }

    [Fact]
    public async Task Install_merges_into_existing_user_settings_and_keeps_everything_else_in_order()
    {
        _h.WriteRepo(".claude/settings.json", UserFiles.Settings);
        _h.WriteRepo(".mcp.json", UserFiles.Mcp);

        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(0, run.ToString());
        var s = Read(_h.RepoFile(".claude/settings.json"));
        s.Select(p => p.Key).Should().Equal("$schema", "permissions", "hooks", "env", "model");
        s["env"]!["FOO"]!.GetValue<string>().Should().Be("bär");
        var hooks = (JsonObject)s["hooks"]!;
        hooks.Select(p => p.Key).Should().Equal("PostToolUse", "Stop", "UserPromptSubmit", WiringDefaults.SessionStartEvent);
        var post = (JsonArray)hooks["PostToolUse"]!;
        post.Should().HaveCount(2);
        post[0]!["matcher"]!.GetValue<string>().Should().Be("Edit|Write", "the user's own PostToolUse hook stays first");
        post[1]!["hooks"]![0]!["command"]!.GetValue<string>().Should().Be(WiringDefaults.HookCommand("PostToolUse"));
        hooks["Stop"]![0]!["hooks"]![0]!["command"]!.GetValue<string>().Should().Be("say fertig — done");

        var m = Read(_h.RepoFile(".mcp.json"));
        m.Select(p => p.Key).Should().Equal("mcpServers", "extra");
        ((JsonObject)m["mcpServers"]!).Select(p => p.Key).Should().Equal("github", WiringDefaults.McpServerName);
        m["mcpServers"]!["github"]!["env"]!["GITHUB_TOKEN"]!.GetValue<string>().Should().Be("${GITHUB_TOKEN}");
    }

    [Fact]
    public async Task Running_install_twice_changes_nothing()
    {
        _h.WriteRepo(".claude/settings.json", UserFiles.Settings);
        _h.WriteRepo(".mcp.json", UserFiles.Mcp);
        var bins = _h.FakeBinaries();
        (await _h.RunAsync("install", "--hooks-from", bins)).ExitCode.Should().Be(0);
        var after1 = CliHarness.Snapshot(_h.Repo);
        var mtimes = Directory.EnumerateFiles(_h.Repo, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        _h.Clock.Advance(TimeSpan.FromDays(2));

        var run = await _h.RunAsync("install", "--hooks-from", bins);

        run.ExitCode.Should().Be(0, run.ToString());
        CliHarness.Snapshot(_h.Repo).Should().Equal(after1);
        Directory.EnumerateFiles(_h.Repo, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc).Should().Equal(mtimes);
        run.Out.Should().Contain("already wired, unchanged").And.Contain("Binaries up to date");
    }

    [Fact]
    public async Task Install_on_a_repo_already_wired_by_hand_in_our_format_leaves_the_files_alone()
    {
        // Our committed .claude/settings.json is written by hand with the same content: install must be a no-op for it.
        var bins = _h.FakeBinaries();
        using (var other = new CliHarness())
        {
            (await other.RunAsync("install", "--hooks-from", other.FakeBinaries())).ExitCode.Should().Be(0);
            _h.WriteRepo(".claude/settings.json", File.ReadAllText(other.RepoFile(".claude/settings.json")));
            _h.WriteRepo(".mcp.json", File.ReadAllText(other.RepoFile(".mcp.json")));
        }
        // A write would stamp the file with the current time: dating both files a day back makes any write visible
        // (no waiting for the file system's timestamp granularity), and the bytes must stay exactly as written by hand.
        var stamp = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var wired = new[] { ".claude/settings.json", ".mcp.json" }.ToDictionary(rel => rel, rel => File.ReadAllBytes(_h.RepoFile(rel)));
        foreach (var rel in wired.Keys) File.SetLastWriteTimeUtc(_h.RepoFile(rel), stamp);

        var run = await _h.RunAsync("install", "--hooks-from", bins);

        run.Out.Should().Contain(".claude/settings.json: already wired, unchanged").And.Contain(".mcp.json: already wired, unchanged");
        foreach (var (rel, bytes) in wired)
        {
            File.GetLastWriteTimeUtc(_h.RepoFile(rel)).Should().Be(stamp, rel + " was not rewritten");
            File.ReadAllBytes(_h.RepoFile(rel)).Should().Equal(bytes, rel);
        }
    }

    [Fact]
    public async Task Install_on_this_repository_committed_wiring_is_a_no_op()
    {
        // The repo commits its own .claude/settings.json (and .mcp.json): they must already be what install wants,
        // so running `dm install` here changes neither file (same content; formatting may differ and is kept).
        foreach (var rel in new[] { ".claude/settings.json", ".mcp.json" })
        {
            var committed = Path.Combine(DistributedModel.Testing.RepoPaths.Root, rel);
            if (File.Exists(committed)) _h.WriteRepo(rel, File.ReadAllText(committed));
        }
        var before = CliHarness.Snapshot(_h.Repo);

        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(0, run.ToString());
        foreach (var (rel, bytes) in before)
            File.ReadAllText(_h.RepoFile(rel)).Should().Be(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(bytes)), rel);
        using var fresh = new CliHarness();
        (await fresh.RunAsync("install", "--hooks-from", fresh.FakeBinaries())).ExitCode.Should().Be(0);
        JsonNode.DeepEquals(Read(_h.RepoFile(".claude/settings.json")), Read(fresh.RepoFile(".claude/settings.json"))).Should().BeTrue();
    }

    [Fact]
    public async Task Install_records_the_validation_window_start_once()
    {
        var bins = _h.FakeBinaries();
        (await _h.RunAsync("install", "--hooks-from", bins)).ExitCode.Should().Be(0);
        var state = Read(_h.RepoFile(".claude/dm/install.json"));
        DateTimeOffset.Parse(state["windowStart"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(CliHarness.Now);

        _h.Clock.Advance(TimeSpan.FromDays(3));
        (await _h.RunAsync("install", "--hooks-from", bins)).ExitCode.Should().Be(0);

        var again = Read(_h.RepoFile(".claude/dm/install.json"));
        DateTimeOffset.Parse(again["windowStart"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(CliHarness.Now);
    }

    [Fact]
    public async Task Install_updates_binaries_that_changed()
    {
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries("v1", "v1"))).ExitCode.Should().Be(0);

        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries("v2", "v2"));

        run.Out.Should().Contain("Installed 3 file(s)", "the three executables changed; the manifest did not");
        File.ReadAllText(_h.RepoFile("hooks/bin/PostToolUse")).Should().Contain("v2");
    }

    [Theory]
    [InlineData(".claude/settings.json")]
    [InlineData(".mcp.json")]
    public async Task Malformed_existing_json_is_a_clear_error_naming_the_file_and_nothing_is_changed(string broken)
    {
        var other = broken == ".mcp.json" ? ".claude/settings.json" : ".mcp.json";
        _h.WriteRepo(broken, "{\n  \"hooks\": {\n    \"PostToolUse\": [\n  }\n");
        _h.WriteRepo(other, other == ".mcp.json" ? UserFiles.Mcp : UserFiles.Settings);
        var before = CliHarness.Snapshot(_h.Repo);

        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain(_h.RepoFile(broken)).And.Contain("not valid JSON").And.Contain("line 4");
        CliHarness.Snapshot(_h.Repo).Should().Equal(before, "neither file, nor hooks/bin, nor install.json may be written");
    }

    [Fact]
    public async Task Settings_with_hooks_of_the_wrong_type_is_a_clear_error()
    {
        _h.WriteRepo(".claude/settings.json", """{"hooks": "nope"}""");

        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("settings.json").And.Contain("\"hooks\" must be a JSON object");
        File.ReadAllText(_h.RepoFile(".claude/settings.json")).Should().Be("""{"hooks": "nope"}""");
    }

    [Fact]
    public async Task Incomplete_hooks_from_directory_names_what_is_missing()
    {
        var bins = _h.FakeBinaries();
        File.Delete(Path.Combine(bins, "mcp", "dm-mcp"));

        var run = await _h.RunAsync("install", "--hooks-from", bins);

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("missing mcp/dm-mcp");
        Directory.Exists(_h.RepoFile("hooks")).Should().BeFalse();
        File.Exists(_h.RepoFile(".claude/settings.json")).Should().BeFalse();
    }

    [Fact]
    public async Task Without_a_source_tree_or_hooks_from_install_explains_what_to_do()
    {
        var run = await _h.RunAsync("install");

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("DistributedModel.sln").And.Contain("--hooks-from");
    }

    [Fact]
    public async Task A_missing_repo_directory_is_a_usage_error()
    {
        var run = await _h.RunAsync("install", "--repo", "does/not/exist", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("does not exist");
    }
}
