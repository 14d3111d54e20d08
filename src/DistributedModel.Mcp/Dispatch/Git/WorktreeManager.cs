using System.Collections.Concurrent;

namespace DistributedModel.Mcp.Dispatch.Git;

/// <summary>
/// Creates, commits in and removes the git worktrees dispatches work in. The user's own checkout (its HEAD, index and
/// files) is never touched: everything happens in <c>.claude/dm/worktrees/&lt;id&gt;</c> on a fresh branch.
/// </summary>
public sealed class WorktreeManager
{
    private const string FallbackName = "Distributed Model";
    private const string FallbackEmail = "dispatch@distributed-model.invalid";

    // git serialises ref and worktree-admin updates with lock files and fails (instead of waiting) on contention;
    // dispatches from one server therefore take turns for the short mutating steps on the shared repository.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> RepoLocks = new(StringComparer.Ordinal);

    private readonly GitCli _git;

    public WorktreeManager() : this(new GitCli()) { }

    internal WorktreeManager(GitCli git) => _git = git;

    /// <summary>The top folder of the repository containing <paramref name="directory"/>.</summary>
    public async Task<string> GetRepoRootAsync(string directory, CancellationToken ct)
    {
        if (!Directory.Exists(directory))
            throw new GitException($"{directory} does not exist.");
        var result = await _git.TryRunAsync(directory, ["rev-parse", "--show-toplevel"], ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
            throw new GitException($"{directory} is not inside a git repository: dispatch needs one to create a worktree branch.");
        return Path.GetFullPath(result.StdOut.Trim());
    }

    /// <summary>Tracked files with uncommitted changes (staged or not), as <c>git status --porcelain</c> lines.</summary>
    public async Task<IReadOnlyList<string>> GetUncommittedChangesAsync(string repoRoot, CancellationToken ct)
    {
        var output = await _git.RunAsync(repoRoot, ["status", "--porcelain", "--untracked-files=no"], ct).ConfigureAwait(false);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Resolves <paramref name="baseRef"/> (default HEAD) to a commit id, with a clear error when it is not one.</summary>
    public async Task<string> ResolveCommitAsync(string repoRoot, string? baseRef, CancellationToken ct)
    {
        var label = string.IsNullOrWhiteSpace(baseRef) ? "HEAD" : baseRef.Trim();
        if (label.StartsWith('-'))
            throw new GitException($"base '{label}' is not a valid revision.");
        var result = await _git.TryRunAsync(repoRoot, ["rev-parse", "--verify", "--quiet", "--end-of-options", label + "^{commit}"], ct)
            .ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new GitException(label == "HEAD"
                ? "the repository has no commits yet: commit something first, dispatch branches from a commit."
                : $"base '{label}' is not a commit in this repository.");
        }
        return result.StdOut.Trim();
    }

    /// <summary>Adds a worktree at <paramref name="worktreePath"/> on the new branch <paramref name="branch"/> at <paramref name="baseSha"/>.</summary>
    public async Task<Worktree> CreateAsync(string repoRoot, string worktreePath, string branch, string baseSha, string baseLabel,
        CancellationToken ct)
    {
        if (Directory.Exists(worktreePath) && Directory.EnumerateFileSystemEntries(worktreePath).Any())
            throw new GitException($"worktree folder {worktreePath} already exists.");
        Directory.CreateDirectory(Path.GetDirectoryName(worktreePath)!);
        await WithRepoLockAsync(repoRoot, () => _git.RunAsync(repoRoot,
            ["worktree", "add", "--quiet", "--no-track", "-b", branch, worktreePath, baseSha], ct), ct).ConfigureAwait(false);
        return new Worktree(repoRoot, Path.GetFullPath(worktreePath), branch, baseSha, baseLabel);
    }

    /// <summary>
    /// Stages everything in the worktree and commits it on the branch. Returns false (and commits nothing) when the
    /// worktree has no changes. Hooks and signing are skipped: this is a candidate branch for review, not the user's commit.
    /// </summary>
    public async Task<bool> CommitAllAsync(Worktree worktree, string message, CancellationToken ct)
    {
        await _git.RunAsync(worktree.Path, ["add", "-A"], ct).ConfigureAwait(false);
        var quiet = await _git.TryRunAsync(worktree.Path, ["diff", "--cached", "--quiet"], ct).ConfigureAwait(false);
        if (quiet.ExitCode == 0) return false;
        if (quiet.ExitCode != 1)
            throw new GitException($"`git diff --cached --quiet` failed (exit {quiet.ExitCode}): {quiet.StdErr.Trim()}");

        var identity = await HasIdentityAsync(worktree.Path, ct).ConfigureAwait(false)
            ? null
            : new Dictionary<string, string?>
            {
                ["GIT_AUTHOR_NAME"] = FallbackName, ["GIT_AUTHOR_EMAIL"] = FallbackEmail,
                ["GIT_COMMITTER_NAME"] = FallbackName, ["GIT_COMMITTER_EMAIL"] = FallbackEmail,
            };
        await WithRepoLockAsync(worktree.RepoRoot, () => _git.RunAsync(worktree.Path,
            ["-c", "commit.gpgsign=false", "commit", "--quiet", "--no-verify", "-m", message], ct, identity), ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Stages everything in the worktree and returns the staged diff against the base (for failed runs).</summary>
    public async Task<string> UncommittedDiffAsync(Worktree worktree, CancellationToken ct)
    {
        await _git.RunAsync(worktree.Path, ["add", "-A"], ct).ConfigureAwait(false);
        return await _git.RunAsync(worktree.Path, ["diff", "--cached", "--no-color", "--no-ext-diff", worktree.BaseSha], ct)
            .ConfigureAwait(false);
    }

    /// <summary>The full diff from the base commit to the branch tip.</summary>
    public Task<string> DiffAsync(Worktree worktree, CancellationToken ct) =>
        _git.RunAsync(worktree.RepoRoot, ["diff", "--no-color", "--no-ext-diff", worktree.BaseSha, "refs/heads/" + worktree.Branch], ct);

    /// <summary>Per-file line counts from the base commit to the branch tip.</summary>
    public async Task<DiffStat> DiffStatAsync(Worktree worktree, CancellationToken ct)
    {
        var numstat = await _git.RunAsync(worktree.RepoRoot,
            ["diff", "--numstat", "--no-color", "--no-ext-diff", worktree.BaseSha, "refs/heads/" + worktree.Branch], ct).ConfigureAwait(false);
        return DiffStat.ParseNumstat(numstat);
    }

    /// <summary>Commits on the branch that are not in the base.</summary>
    public async Task<int> CountCommitsAsync(Worktree worktree, CancellationToken ct)
    {
        var result = await _git.TryRunAsync(worktree.RepoRoot,
            ["rev-list", "--count", $"{worktree.BaseSha}..refs/heads/{worktree.Branch}"], ct).ConfigureAwait(false);
        return result.ExitCode == 0 && int.TryParse(result.StdOut.Trim(), out var n) ? n : 0;
    }

    /// <summary>
    /// Removes the worktree folder (and its git admin data). The branch is deleted unless <paramref name="keepBranch"/>
    /// and it has commits of its own. Best effort: never throws for cleanup problems, reports them in the note instead.
    /// </summary>
    public async Task<WorktreeRemoval> RemoveAsync(Worktree worktree, bool keepBranch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(worktree);
        var deleteBranch = !keepBranch || await CountCommitsAsync(worktree, ct).ConfigureAwait(false) == 0;
        return await RemoveCoreAsync(worktree.RepoRoot, worktree.Path, worktree.Branch, deleteBranch, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Cleans up after a dispatch whose server died: removes its worktree folder if it is still there, prunes git's
    /// worktree entries, and deletes <paramref name="branch"/> when it has no commits beyond <paramref name="baseSha"/>
    /// (or, with no base known, none that another branch lacks). A branch with commits is kept. Best effort.
    /// </summary>
    public async Task<WorktreeRemoval> CleanUpAsync(string repoRoot, string worktreePath, string? branch, string? baseSha,
        CancellationToken ct)
    {
        var own = branch is null ? -1 : await OwnCommitsAsync(repoRoot, branch, baseSha, ct).ConfigureAwait(false);
        var removal = await RemoveCoreAsync(repoRoot, worktreePath, branch, deleteBranch: own == 0, ct).ConfigureAwait(false);
        return removal with { BranchKept = own > 0 ? branch : null };
    }

    /// <summary>
    /// Commits on <paramref name="branch"/> that are neither in <paramref name="baseSha"/> (when given) nor on any other
    /// branch; -1 when the branch does not exist.
    /// </summary>
    public async Task<int> OwnCommitsAsync(string repoRoot, string branch, string? baseSha, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(branch);
        var own = "refs/heads/" + branch;
        // The other branches named one by one: how `--exclude` applies to `--branches` differs between git versions.
        var refs = await _git.RunAsync(repoRoot, ["for-each-ref", "--format=%(refname)", "refs/heads/"], ct).ConfigureAwait(false);
        var args = new List<string> { "rev-list", "--count", own, "--not" };
        args.AddRange(refs.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(r => r != own));
        if (baseSha is { Length: > 0 } && !baseSha.StartsWith('-')) args.Add(baseSha);
        var result = await _git.TryRunAsync(repoRoot, args, ct).ConfigureAwait(false);
        return result.ExitCode == 0 && int.TryParse(result.StdOut.Trim(), out var n) ? n : -1;
    }

    private async Task<WorktreeRemoval> RemoveCoreAsync(string repoRoot, string worktreePath, string? branch, bool deleteBranch,
        CancellationToken ct)
    {
        var branchDeleted = false;
        string? note = null;
        var worktreeRemoved = false;
        await WithRepoLockAsync(repoRoot, async () =>
        {
            if (Directory.Exists(worktreePath))
            {
                var removed = await _git.TryRunAsync(repoRoot, ["worktree", "remove", "--force", "--force", worktreePath], ct)
                    .ConfigureAwait(false);
                if (removed.ExitCode != 0 && Directory.Exists(worktreePath))
                {
                    try { Directory.Delete(worktreePath, recursive: true); }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        note = $"could not remove worktree {worktreePath}: {ex.Message}";
                    }
                }
                worktreeRemoved = !Directory.Exists(worktreePath);
            }
            await _git.TryRunAsync(repoRoot, ["worktree", "prune"], ct).ConfigureAwait(false);
            if (deleteBranch && branch is not null)
            {
                var deleted = await _git.TryRunAsync(repoRoot, ["branch", "-D", "--quiet", branch], ct).ConfigureAwait(false);
                branchDeleted = deleted.ExitCode == 0;
                if (!branchDeleted) note ??= $"could not delete branch {branch}: {deleted.StdErr.Trim()}";
            }
            return 0;
        }, ct).ConfigureAwait(false);
        return new WorktreeRemoval(branchDeleted, note) { WorktreeRemoved = worktreeRemoved };
    }

    private async Task<bool> HasIdentityAsync(string dir, CancellationToken ct)
    {
        var email = await _git.TryRunAsync(dir, ["config", "user.email"], ct).ConfigureAwait(false);
        var name = await _git.TryRunAsync(dir, ["config", "user.name"], ct).ConfigureAwait(false);
        return email.ExitCode == 0 && name.ExitCode == 0
            && email.StdOut.Trim().Length > 0 && name.StdOut.Trim().Length > 0;
    }

    private static async Task<T> WithRepoLockAsync<T>(string repoRoot, Func<Task<T>> action, CancellationToken ct)
    {
        var gate = RepoLocks.GetOrAdd(Path.GetFullPath(repoRoot), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try { return await action().ConfigureAwait(false); }
        finally { gate.Release(); }
    }
}
