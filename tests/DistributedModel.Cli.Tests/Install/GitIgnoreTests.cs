using DistributedModel.Cli.Install;
using DistributedModel.Cli.Tests.Support;
using DistributedModel.Testing.Processes;
using DistributedModel.Testing.Samples;

namespace DistributedModel.Cli.Tests.Install;

/// <summary>
/// Install keeps its binaries and the hooks' logs out of the user's git (issue 16.3): real <c>git</c> on fresh
/// repositories; after install and a real hooked call <c>git status</c> lists only the wiring files.
/// </summary>
public sealed class GitIgnoreTests : IDisposable
{
    private readonly CliHarness _h = new(DateTimeOffset.UtcNow);

    public void Dispose() => _h.Dispose();

    private async Task<string> GitAsync(string dir, params string[] args)
    {
        var env = new Dictionary<string, string?> { ["HOME"] = _h.Home, ["GIT_CONFIG_NOSYSTEM"] = "1" };
        var r = await ProcessRunner.RunAsync("git", args, dir, environment: env, timeout: TimeSpan.FromSeconds(30));
        r.ExitCode.Should().Be(0, r.ToString());
        return r.StdOut;
    }

    private async Task<string> InitRepoAsync(string dir)
    {
        Directory.CreateDirectory(dir);
        await GitAsync(dir, "init", "-q");
        await GitAsync(dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "init");
        return dir;
    }

    /// <summary>Untracked and changed paths, one per line, files listed individually (so a whole hooks/bin/ cannot hide).</summary>
    private async Task<List<string>> StatusAsync(string dir) =>
        (await GitAsync(dir, "status", "--porcelain", "--untracked-files=all")).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>The installed (real) PostToolUse hook compresses a real-shaped 200 KB build log: hooks.log and a raw file appear.</summary>
    private async Task HookedCallAsync()
    {
        var log = SampleOutputs.NoisyBuildLog();
        var input = new System.Text.Json.Nodes.JsonObject
        {
            ["session_id"] = "s", ["transcript_path"] = _h.RepoFile("t.jsonl"), ["cwd"] = _h.Repo, ["hook_event_name"] = "PostToolUse",
            ["tool_name"] = "Bash", ["tool_input"] = new System.Text.Json.Nodes.JsonObject { ["command"] = "dotnet build" },
            ["tool_response"] = new System.Text.Json.Nodes.JsonObject { ["stdout"] = log.Text, ["stderr"] = "", ["interrupted"] = false, ["isImage"] = false },
        }.ToJsonString();
        var r = await ProcessRunner.RunAsync(_h.RepoFile("hooks/bin/PostToolUse"), [], _h.Repo, stdin: input,
            environment: new Dictionary<string, string?> { ["CLAUDE_PROJECT_DIR"] = _h.Repo }, timeout: TimeSpan.FromSeconds(30));
        r.ExitCode.Should().Be(0, r.ToString());
        File.Exists(_h.RepoFile(".claude/hooks.log")).Should().BeTrue("the hook logged its call");
        Directory.EnumerateFiles(_h.RepoFile(".claude/dm/raw")).Should().NotBeEmpty("the hook kept the raw output");
    }

    [Fact]
    public async Task After_install_and_a_hooked_call_git_status_lists_only_the_wiring_and_uninstall_restores_the_exclude_file()
    {
        await InitRepoAsync(_h.Repo);
        var exclude = _h.RepoFile(".git/info/exclude");
        var excludeBefore = File.ReadAllBytes(exclude); // git init's template, with its comments and no trailing blank line

        var run = await _h.RunAsync("install", "--hooks-from", await _h.RealBinariesAsync());
        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain(".git/info/exclude: added the block");
        await HookedCallAsync();

        (await StatusAsync(_h.Repo)).Should().BeEquivalentTo(["?? .claude/settings.json", "?? .mcp.json"],
            "binaries (hooks/bin), install.json, hooks.log and raw outputs stay out of git; no tracked file was touched");

        (await _h.RunAsync("install", "--hooks-from", await _h.RealBinariesAsync())).ExitCode.Should().Be(0);
        File.ReadAllText(exclude).Split(IgnoreEntries.BeginLine).Should().HaveCount(2, "a second install adds no second block");

        (await _h.RunAsync("uninstall", "--purge")).ExitCode.Should().Be(0);
        File.ReadAllBytes(exclude).Should().Equal(excludeBefore, "uninstall removes exactly our block");
        (await StatusAsync(_h.Repo)).Should().BeEmpty();
    }

    [Fact]
    public async Task With_gitignore_the_block_goes_into_the_repositorys_gitignore_and_uninstall_gives_back_its_bytes()
    {
        await InitRepoAsync(_h.Repo);
        var gitignore = _h.WriteRepo(".gitignore", "node_modules/\r\n*.log"); // CRLF and no final newline
        await GitAsync(_h.Repo, "add", ".gitignore");
        await GitAsync(_h.Repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "ignore");
        var before = File.ReadAllBytes(gitignore);
        var excludeBefore = File.ReadAllBytes(_h.RepoFile(".git/info/exclude"));

        var run = await _h.RunAsync("install", "--gitignore", "--hooks-from", _h.FakeBinaries());
        run.ExitCode.Should().Be(0, run.ToString());
        _h.WriteRepo(".claude/dm/ledger.jsonl", "{}\n");

        (await StatusAsync(_h.Repo)).Should().BeEquivalentTo([" M .gitignore", "?? .claude/settings.json", "?? .mcp.json"]);
        File.ReadAllBytes(_h.RepoFile(".git/info/exclude")).Should().Equal(excludeBefore, "--gitignore leaves .git/info/exclude alone");

        (await _h.RunAsync("uninstall", "--purge")).ExitCode.Should().Be(0);
        File.ReadAllBytes(gitignore).Should().Equal(before);
        (await StatusAsync(_h.Repo)).Should().BeEmpty();
    }

    [Fact]
    public async Task In_a_linked_worktree_the_block_goes_to_the_common_exclude_file_git_reads_there()
    {
        var main = await InitRepoAsync(Path.Combine(_h.Root, "main"));
        await GitAsync(main, "worktree", "add", "-q", _h.Repo, "-b", "feature");
        var exclude = Path.Combine(main, ".git", "info", "exclude");
        var before = File.ReadAllBytes(exclude);

        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        _h.WriteRepo(".claude/hooks.log", "{}\n");

        (await StatusAsync(_h.Repo)).Should().BeEquivalentTo(["?? .claude/settings.json", "?? .mcp.json"]);
        (await _h.RunAsync("uninstall", "--purge")).ExitCode.Should().Be(0);
        File.ReadAllBytes(exclude).Should().Equal(before);
    }

    [Fact]
    public async Task Outside_a_git_work_tree_install_says_so_and_writes_no_ignore_file()
    {
        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain("not a git work tree");
        File.Exists(_h.RepoFile(".gitignore")).Should().BeFalse();
    }

    [Fact]
    public async Task A_stray_dot_git_folder_above_the_repo_is_not_a_work_tree()
    {
        // A `.git` folder without HEAD, objects and refs (found once in /tmp) is not a git directory for git, so not for us.
        var stray = Path.Combine(Path.GetDirectoryName(_h.Repo)!, ".git");
        Directory.CreateDirectory(Path.Combine(stray, "info"));

        var run = await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries());

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain("not a git work tree");
        File.Exists(Path.Combine(stray, "info", "exclude")).Should().BeFalse("nothing is written into a folder git would not read");
    }
}
