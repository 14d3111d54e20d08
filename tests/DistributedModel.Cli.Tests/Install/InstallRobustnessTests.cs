using DistributedModel.Cli.Install;
using DistributedModel.Cli.Tests.Support;

namespace DistributedModel.Cli.Tests.Install;

/// <summary>
/// Bad or unusual files in the user's repository (issue 11.11): each stops install with exit 2, a message naming the
/// file and what to do, and nothing changed — or, for a symlink, is edited where it points.
/// </summary>
public sealed class InstallRobustnessTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Duplicate_keys_in_settings_are_exit_2_naming_the_key_and_both_lines_and_nothing_changes()
    {
        // Before: parsed lazily, then an unhandled ArgumentException ("same key has already been added"), exit 1.
        _h.WriteRepo(".claude/settings.json", "{\n  \"model\": \"opus\",\n  \"hooks\": {},\n  \"model\": \"sonnet\"\n}\n");
        var before = CliHarness.Snapshot(_h.Repo);

        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(2, run.ToString());
        run.Err.Should().Contain(_h.RepoFile(".claude/settings.json")).And.Contain("\"model\" twice").And.Contain("first at line 2, again at line 4, column 3");
        CliHarness.Snapshot(_h.Repo).Should().Equal(before);
        Directory.Exists(_h.RepoFile("hooks")).Should().BeFalse("no binary is copied when a file we edit is bad");
    }

    [Fact]
    public async Task Duplicate_keys_nested_in_mcp_json_are_found_too()
    {
        _h.WriteRepo(".mcp.json", "{\"mcpServers\": {\"a\": {}, \"b\": {}, \"a\": {\"command\": \"x\"}}}");

        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(2, run.ToString());
        run.Err.Should().Contain(".mcp.json").And.Contain("\"a\" twice").And.Contain("again at line 1, column 35");
    }

    [Fact]
    public async Task A_wrong_typed_key_stops_install_before_any_binary_is_copied()
    {
        // Before: hooks/bin was populated, then the type error surfaced.
        _h.WriteRepo(".claude/settings.json", """{"hooks": {"PostToolUse": {"matcher": "Bash"}}}""");
        var before = CliHarness.Snapshot(_h.Repo);

        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(2, run.ToString());
        run.Err.Should().Contain("\"hooks.PostToolUse\" must be a JSON array");
        CliHarness.Snapshot(_h.Repo).Should().Equal(before);
        Directory.Exists(_h.RepoFile("hooks")).Should().BeFalse();
    }

    [Fact]
    public async Task A_symlinked_settings_json_stays_a_link_its_target_gets_the_hooks_and_uninstall_restores_the_target()
    {
        if (OperatingSystem.IsWindows()) return;
        // A team-shared settings file linked into the repository (before: the link was replaced by a regular file).
        var shared = _h.Write("shared/settings.json", UserFiles.Settings);
        var original = File.ReadAllBytes(shared);
        Directory.CreateDirectory(_h.RepoFile(".claude"));
        File.CreateSymbolicLink(_h.RepoFile(".claude/settings.json"), "../../shared/settings.json");

        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(0, run.ToString());
        new FileInfo(_h.RepoFile(".claude/settings.json")).LinkTarget.Should().Be("../../shared/settings.json", "the link itself is kept");
        File.ReadAllText(shared).Should().Contain("hooks/bin/PostToolUse", "the file it points to was edited");
        Directory.EnumerateFiles(Path.Combine(_h.Root, "shared")).Should().ContainSingle("no temp file is left beside the target");

        (await _h.RunAsync("uninstall")).ExitCode.Should().Be(0);
        File.ReadAllBytes(shared).Should().Equal(original);
        new FileInfo(_h.RepoFile(".claude/settings.json")).LinkTarget.Should().NotBeNull();
    }

    [Fact]
    public async Task A_dangling_settings_link_is_refused_with_nothing_changed()
    {
        if (OperatingSystem.IsWindows()) return;
        Directory.CreateDirectory(_h.RepoFile(".claude"));
        File.CreateSymbolicLink(_h.RepoFile(".claude/settings.json"), "/nonexistent/dm-settings.json");

        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(2, run.ToString());
        run.Err.Should().Contain("is a symbolic link to /nonexistent/dm-settings.json, which does not exist");
        Directory.Exists(_h.RepoFile("hooks")).Should().BeFalse();
        File.Exists(_h.RepoFile(".mcp.json")).Should().BeFalse();
    }

    [Fact]
    public async Task A_read_only_settings_json_is_refused_not_replaced_and_nothing_changes()
    {
        if (OperatingSystem.IsWindows()) return;
        // Before: the temp-file-and-rename write replaced the protected file silently (renaming needs only a writable directory).
        var path = _h.WriteRepo(".claude/settings.json", UserFiles.Settings);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var before = CliHarness.Snapshot(_h.Repo);

        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(2, run.ToString());
        run.Err.Should().Contain(path).And.Contain("is read-only").And.Contain("chmod u+w");
        CliHarness.Snapshot(_h.Repo).Should().Equal(before);
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    [Fact]
    public async Task An_install_while_another_holds_the_repository_lock_is_refused_with_nothing_changed()
    {
        var before = CliHarness.Snapshot(_h.Repo);
        using (InstallLock.Acquire(_h.Repo))
        {
            var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

            run.ExitCode.Should().Be(2, run.ToString());
            run.Err.Should().Contain("another dm install, uninstall or promote is running on " + _h.Repo);
            CliHarness.Snapshot(_h.Repo).Should().Equal(before);
        }
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0, "the lock is released with its holder");
    }

    [Fact]
    public async Task Concurrent_installs_never_fail_with_a_sharing_error_and_leave_one_complete_install()
    {
        var bins = Enumerable.Range(0, 4).Select(i => _h.FakeBinaries($"bin{i}", $"v{i}")).ToList();

        var runs = await Task.WhenAll(bins.Select(b => Task.Run(() => _h.RunAsync("install", "--hooks-from", b))));

        foreach (var run in runs)
            if (run.ExitCode != 0) run.Err.Should().Contain("another dm install", run.ToString());
        runs.Should().Contain(r => r.ExitCode == 0);
        var post = File.ReadAllText(_h.RepoFile("hooks/bin/PostToolUse"));
        var marker = post.Split('\n')[1];
        File.ReadAllText(_h.RepoFile("hooks/bin/UserPromptSubmit")).Should().Contain(marker, "the set comes from one install");
        File.ReadAllText(_h.RepoFile("hooks/bin/mcp/dm-mcp")).Should().Contain(marker);
    }
}
