using DistributedModel.Cli.Tests.Support;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Cli.Tests.Install;

/// <summary>
/// <c>dm uninstall</c> in a real git repository where dispatch left worktrees under .claude/dm/worktrees/ and dm/*
/// branches: one with no commits, one with a commit of its own, one whose folder is already gone (prunable).
/// </summary>
public sealed class UninstallDispatchLeftoversTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Uninstall_lists_what_dispatch_left_and_purge_removes_it_keeping_a_branch_with_commits_unless_forced()
    {
        await GitAsync(_h.Repo, "init", "--quiet", "-b", "main");
        await GitAsync(_h.Repo, "config", "user.email", "dev@example.test");
        await GitAsync(_h.Repo, "config", "user.name", "Dev");
        _h.WriteRepo("README.md", "# demo\n");
        await GitAsync(_h.Repo, "add", "-A");
        await GitAsync(_h.Repo, "commit", "--quiet", "-m", "initial");
        await GitAsync(_h.Repo, "branch", "feature");
        var branchesBefore = await GitAsync(_h.Repo, "branch", "--format=%(refname:short)");
        var worktreesBefore = await GitAsync(_h.Repo, "worktree", "list", "--porcelain");
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        var empty = await WorktreeAsync("20261203-100000-aaaaaa", "dm/a-aaaaaa");
        var withCommit = await WorktreeAsync("20261203-100001-bbbbbb", "dm/b-bbbbbb");
        File.WriteAllText(Path.Combine(withCommit, "new.txt"), "work\n");
        await GitAsync(withCommit, "add", "-A");
        await GitAsync(withCommit, "commit", "--quiet", "-m", "codex's work");
        var gone = await WorktreeAsync("20261203-100002-cccccc", "dm/c-cccccc");
        Directory.Delete(gone, recursive: true);

        var listed = await _h.RunAsync("uninstall");

        listed.ExitCode.Should().Be(0, listed.ToString());
        listed.Out.Should().Contain("dispatch left worktree .claude/dm/worktrees/20261203-100000-aaaaaa\n")
            .And.Contain("dispatch left worktree .claude/dm/worktrees/20261203-100002-cccccc (folder gone; git lists it prunable)\n")
            .And.Contain("dispatch left branch dm/a-aaaaaa (no commits of its own)\n")
            .And.Contain("dispatch left branch dm/b-bbbbbb (1 commit no other branch has)\n")
            .And.Contain("`dm uninstall --purge` removes them");
        Directory.Exists(empty).Should().BeTrue("without --purge nothing of dispatch's is removed");
        (await GitAsync(_h.Repo, "branch", "--list", "dm/*")).Should().Contain("dm/a-aaaaaa");

        var purged = await _h.RunAsync("uninstall", "--purge");

        purged.ExitCode.Should().Be(0, purged.ToString());
        purged.Out.Should().Contain("dispatch: removed worktree .claude/dm/worktrees/20261203-100001-bbbbbb\n")
            .And.Contain("dispatch: deleted branch dm/a-aaaaaa (no commits of its own)\n")
            .And.Contain("dispatch: kept branch dm/b-bbbbbb (1 commit no other branch has; `--force` deletes it)\n");
        (await GitAsync(_h.Repo, "worktree", "list", "--porcelain")).Should().Be(worktreesBefore, "no prunable entry is left");
        (await GitAsync(_h.Repo, "branch", "--format=%(refname:short)")).Split('\n').Should().BeEquivalentTo([.. branchesBefore.Split('\n'), "dm/b-bbbbbb"]);
        (await GitAsync(_h.Repo, "show", "dm/b-bbbbbb:new.txt")).Should().Be("work");

        var forced = await _h.RunAsync("uninstall", "--purge", "--force");

        forced.ExitCode.Should().Be(0, forced.ToString());
        forced.Out.Should().Contain("dispatch: deleted branch dm/b-bbbbbb (1 commit no other branch has)\n");
        (await GitAsync(_h.Repo, "branch", "--format=%(refname:short)")).Should().Be(branchesBefore);
        (await GitAsync(_h.Repo, "worktree", "list", "--porcelain")).Should().Be(worktreesBefore);
    }

    private async Task<string> WorktreeAsync(string id, string branch)
    {
        var folder = Path.Combine(_h.Repo, ".claude", "dm", "worktrees", id);
        await GitAsync(_h.Repo, "worktree", "add", "--quiet", "-b", branch, folder);
        return folder;
    }

    private static async Task<string> GitAsync(string dir, params string[] args)
    {
        var r = await ProcessRunner.RunAsync("git", args, dir, timeout: TimeSpan.FromSeconds(30));
        r.ExitCode.Should().Be(0, $"git {string.Join(' ', args)}: {r}");
        return r.StdOut.Trim();
    }
}
