using DistributedModel.Mcp.Dispatch.Git;
using DistributedModel.Testing;

namespace DistributedModel.Mcp.Tests.Dispatch;

public sealed class WorktreeManagerTests
{
    private readonly WorktreeManager _manager = new();

    private static string WorktreePath(TempGitRepo repo, string id) => Path.Combine(repo.Root, ".claude", "dm", "worktrees", id);

    private async Task<Worktree> CreateAsync(TempGitRepo repo, string id = "w1", string branch = "dm/test-w1", string? baseRef = null)
    {
        var sha = await _manager.ResolveCommitAsync(repo.Root, baseRef, CancellationToken.None);
        return await _manager.CreateAsync(repo.Root, WorktreePath(repo, id), branch, sha, baseRef ?? "HEAD", CancellationToken.None);
    }

    [Fact]
    public async Task Creates_a_worktree_on_a_new_branch_and_commits_there_without_touching_the_users_checkout()
    {
        using var repo = await TempGitRepo.CreateAsync();
        repo.Write(".claude/dm/.gitignore", "*\n");
        var before = await repo.SnapshotAsync();

        var wt = await CreateAsync(repo);
        File.WriteAllText(Path.Combine(wt.Path, "src", "calc.py"), "def add(a, b):\n    return a + b\n");
        File.WriteAllText(Path.Combine(wt.Path, "NEW.md"), "new\n");
        var committed = await _manager.CommitAllAsync(wt, "fix add", CancellationToken.None);

        committed.Should().BeTrue();
        (await repo.GitAsync("log", "-1", "--format=%s", "dm/test-w1")).Should().Be("fix add");
        (await repo.GitAsync("show", "dm/test-w1:src/calc.py")).Should().Contain("a + b");
        (await _manager.CountCommitsAsync(wt, CancellationToken.None)).Should().Be(1);
        var stat = await _manager.DiffStatAsync(wt, CancellationToken.None);
        stat.Files.Select(f => f.Path).Should().BeEquivalentTo("NEW.md", "src/calc.py");
        stat.Insertions.Should().Be(2);
        stat.Deletions.Should().Be(1);
        (await _manager.DiffAsync(wt, CancellationToken.None)).Should().Contain("+    return a + b");
        (await repo.SnapshotAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Commit_reports_false_when_the_worktree_has_no_changes()
    {
        using var repo = await TempGitRepo.CreateAsync();
        var wt = await CreateAsync(repo);

        (await _manager.CommitAllAsync(wt, "nothing", CancellationToken.None)).Should().BeFalse();
        (await _manager.CountCommitsAsync(wt, CancellationToken.None)).Should().Be(0);
    }

    [Fact]
    public async Task Commits_with_a_fallback_identity_when_git_has_none()
    {
        using var repo = await TempGitRepo.CreateAsync();
        await repo.GitAsync("config", "--unset", "user.email");
        await repo.GitAsync("config", "--unset", "user.name");
        var wt = await CreateAsync(repo);
        File.WriteAllText(Path.Combine(wt.Path, "x.txt"), "x\n");
        var withoutGlobalConfig = new WorktreeManager(new GitCli(environmentOverrides: new Dictionary<string, string?>
        {
            ["GIT_CONFIG_GLOBAL"] = "/dev/null", ["GIT_CONFIG_NOSYSTEM"] = "1",
        }));

        var committed = await withoutGlobalConfig.CommitAllAsync(wt, "x", CancellationToken.None);

        committed.Should().BeTrue();
        (await repo.GitAsync("log", "-1", "--format=%an", "dm/test-w1")).Should().Be("Distributed Model");
    }

    [Fact]
    public async Task Remove_deletes_the_folder_and_a_branch_without_commits()
    {
        using var repo = await TempGitRepo.CreateAsync();
        var wt = await CreateAsync(repo);
        File.WriteAllText(Path.Combine(wt.Path, "x.txt"), "uncommitted\n");

        var removal = await _manager.RemoveAsync(wt, keepBranch: true, CancellationToken.None);

        removal.Should().Be(new WorktreeRemoval(BranchDeleted: true, Note: null) { WorktreeRemoved = true });
        Directory.Exists(wt.Path).Should().BeFalse();
        (await repo.GitAsync("branch", "--list", "dm/test-w1")).Should().BeEmpty();
        (await repo.GitAsync("worktree", "list")).Should().NotContain("w1");
    }

    [Fact]
    public async Task Remove_keeps_a_branch_that_has_commits_when_asked()
    {
        using var repo = await TempGitRepo.CreateAsync();
        var wt = await CreateAsync(repo);
        File.WriteAllText(Path.Combine(wt.Path, "x.txt"), "x\n");
        await _manager.CommitAllAsync(wt, "x", CancellationToken.None);

        var removal = await _manager.RemoveAsync(wt, keepBranch: true, CancellationToken.None);

        removal.BranchDeleted.Should().BeFalse();
        Directory.Exists(wt.Path).Should().BeFalse();
        (await repo.GitAsync("branch", "--list", "dm/test-w1")).Should().Contain("dm/test-w1");
    }

    [Fact]
    public async Task Uncommitted_changes_of_the_users_checkout_are_listed()
    {
        using var repo = await TempGitRepo.CreateAsync();
        (await _manager.GetUncommittedChangesAsync(repo.Root, CancellationToken.None)).Should().BeEmpty();
        repo.Write("untracked.txt", "ignored: untracked files are not the base\n");
        (await _manager.GetUncommittedChangesAsync(repo.Root, CancellationToken.None)).Should().BeEmpty();

        repo.Write("README.md", "# edited\n");

        (await _manager.GetUncommittedChangesAsync(repo.Root, CancellationToken.None)).Should().ContainSingle()
            .Which.Should().Contain("README.md");
    }

    [Fact]
    public async Task An_unknown_base_or_an_option_like_base_is_a_clear_error()
    {
        using var repo = await TempGitRepo.CreateAsync();

        var unknown = () => _manager.ResolveCommitAsync(repo.Root, "no-such-branch", CancellationToken.None);
        var optionLike = () => _manager.ResolveCommitAsync(repo.Root, "--output=/tmp/x", CancellationToken.None);

        await unknown.Should().ThrowAsync<GitException>().WithMessage("base 'no-such-branch' is not a commit in this repository.");
        await optionLike.Should().ThrowAsync<GitException>().WithMessage("*not a valid revision*");
    }

    [Fact]
    public async Task A_folder_outside_any_repository_is_a_clear_error()
    {
        using var dir = new TempDirectory("dm-norepo");

        var act = () => _manager.GetRepoRootAsync(dir.Path, CancellationToken.None);

        await act.Should().ThrowAsync<GitException>().WithMessage("*is not inside a git repository*");
    }

    [Fact]
    public async Task Concurrent_worktrees_of_one_repository_do_not_collide()
    {
        using var repo = await TempGitRepo.CreateAsync();
        var sha = await _manager.ResolveCommitAsync(repo.Root, null, CancellationToken.None);

        var worktrees = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            var wt = await _manager.CreateAsync(repo.Root, WorktreePath(repo, "c" + i), "dm/c-" + i, sha, "HEAD", CancellationToken.None);
            File.WriteAllText(Path.Combine(wt.Path, $"f{i}.txt"), $"{i}\n");
            await _manager.CommitAllAsync(wt, "change " + i, CancellationToken.None);
            return wt;
        }));

        foreach (var (wt, i) in worktrees.Select((w, i) => (w, i)))
            (await repo.GitAsync("show", $"dm/c-{i}:f{i}.txt")).Should().Be(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Task.WhenAll(worktrees.Select(w => _manager.RemoveAsync(w, keepBranch: true, CancellationToken.None)));
        (await repo.GitAsync("branch", "--list", "dm/*")).Split('\n').Should().HaveCount(4);
    }
}
