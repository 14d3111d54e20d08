using DistributedModel.Cli.Tests.Support;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Cli.Tests.Dispatch;

/// <summary>
/// <c>dm dispatch list</c> and <c>dm dispatch clean</c> in a real git repository with jobs as dispatch leaves them:
/// worktree folders and artifacts folders named by job id, dm/* branches ending with the id's suffix. The harness's
/// clock is 2026-11-23 12:00 UTC.
/// </summary>
public sealed class DispatchCleanCommandTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Clean_removes_old_worktrees_and_empty_branches_keeping_recent_running_and_committed_ones_until_forced()
    {
        await GitAsync(_h.Repo, "init", "--quiet", "-b", "main");
        await GitAsync(_h.Repo, "config", "user.email", "dev@example.test");
        await GitAsync(_h.Repo, "config", "user.name", "Dev");
        _h.WriteRepo("README.md", "# demo\n");
        await GitAsync(_h.Repo, "add", "-A");
        await GitAsync(_h.Repo, "commit", "--quiet", "-m", "initial");
        var branchesBefore = await GitAsync(_h.Repo, "branch", "--format=%(refname:short)");
        var worktreesBefore = await GitAsync(_h.Repo, "worktree", "list", "--porcelain");
        var old = await JobAsync("20261110-120000-aaaaaa", "dm/old-aaaaaa", "done");
        var size = new FileInfo(Path.Combine(old, ".git")).Length + "123456".Length; // git's pointer file and ours
        var committed = await JobAsync("20261111-120000-bbbbbb", "dm/kept-bbbbbb", "done");
        File.WriteAllText(Path.Combine(committed, "new.txt"), "work\n");
        await GitAsync(committed, "add", "-A");
        await GitAsync(committed, "commit", "--quiet", "-m", "codex's work");
        Directory.Delete(committed, recursive: true);
        await JobAsync("20261123-110000-cccccc", "dm/recent-cccccc", "done");
        await JobAsync("20261101-120000-dddddd", "dm/busy-dddddd", "running");

        var list = await _h.RunAsync("dispatch", "list");
        var clean = await _h.RunAsync("dispatch", "clean", "--older-than", "7d");

        list.ExitCode.Should().Be(0, list.ToString());
        list.Out.Should().Contain($"worktree .claude/dm/worktrees/20261110-120000-aaaaaa: job 20261110-120000-aaaaaa done, 13 d old, {size} B\n")
            .And.Contain("worktree .claude/dm/worktrees/20261111-120000-bbbbbb: job 20261111-120000-bbbbbb done, 12 d old, folder gone (prunable)\n")
            .And.Contain("branch dm/kept-bbbbbb: job 20261111-120000-bbbbbb done, 12 d old, 1 commit no other branch has\n")
            .And.Contain("branch dm/recent-cccccc: job 20261123-110000-cccccc done, 1 h old, no commits of its own\n");
        clean.ExitCode.Should().Be(0, clean.ToString());
        clean.Out.Should().Contain("dispatch: deleted branch dm/old-aaaaaa (no commits of its own)\n")
            .And.Contain("dispatch: kept branch dm/kept-bbbbbb (1 commit no other branch has; `--force` deletes it)\n")
            .And.Contain("dispatch: kept branch dm/busy-dddddd (job 20261101-120000-dddddd says running: its server may still run it; --force removes it)\n")
            .And.NotContain("recent-cccccc");
        var worktrees = await GitAsync(_h.Repo, "worktree", "list", "--porcelain");
        worktrees.Should().NotContain("prunable").And.NotContain("aaaaaa").And.NotContain("bbbbbb").And.Contain("cccccc").And.Contain("dddddd");
        (await GitAsync(_h.Repo, "branch", "--format=%(refname:short)")).Split('\n').Should()
            .BeEquivalentTo([.. branchesBefore.Split('\n'), "dm/kept-bbbbbb", "dm/recent-cccccc", "dm/busy-dddddd"]);

        var forced = await _h.RunAsync("dispatch", "clean", "--force");

        forced.ExitCode.Should().Be(0, forced.ToString());
        (await GitAsync(_h.Repo, "branch", "--format=%(refname:short)")).Should().Be(branchesBefore);
        (await GitAsync(_h.Repo, "worktree", "list", "--porcelain")).Should().Be(worktreesBefore);
        (await _h.RunAsync("dispatch", "list")).Out.Should().Be("dispatch left nothing here.\n");
    }

    [Theory]
    [InlineData("7")]
    [InlineData("0d")]
    [InlineData("1w")]
    public async Task An_unreadable_age_is_a_usage_error(string age)
    {
        await GitAsync(_h.Repo, "init", "--quiet", "-b", "main");

        var run = await _h.RunAsync("dispatch", "clean", "--older-than", age);

        run.ExitCode.Should().Be(ExitCodes.UsageOrBadInput, run.ToString());
        run.Err.Should().Contain("7d, 12h, 30m");
    }

    /// <summary>A job as dispatch leaves it: worktree on a new branch, artifacts folder with a state.json.</summary>
    private async Task<string> JobAsync(string id, string branch, string state)
    {
        var folder = Path.Combine(_h.Repo, ".claude", "dm", "worktrees", id);
        await GitAsync(_h.Repo, "worktree", "add", "--quiet", "-b", branch, folder);
        File.Delete(Path.Combine(folder, "README.md"));
        File.WriteAllText(Path.Combine(folder, "sized"), "123456");
        _h.WriteRepo($".claude/dm/dispatch/{id}/state.json", $"{{\"id\":\"{id}\",\"state\":\"{state}\"}}");
        return folder;
    }

    private static async Task<string> GitAsync(string dir, params string[] args)
    {
        var r = await ProcessRunner.RunAsync("git", args, dir, timeout: TimeSpan.FromSeconds(30));
        r.ExitCode.Should().Be(0, $"git {string.Join(' ', args)}: {r}");
        return r.StdOut.Trim();
    }
}
