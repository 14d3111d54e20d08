using System.Globalization;
using DistributedModel.Core.Processes;

namespace DistributedModel.Cli.Dispatch;

/// <summary>One <c>dm/*</c> branch dispatch made; <see cref="OwnCommits"/>: its commits that no other branch has.</summary>
public sealed record DispatchBranch(string Name, int OwnCommits);

/// <summary>
/// What dispatch left in a repository: its worktrees under <c>.claude/dm/worktrees/</c> (also the ones git lists as
/// prunable because their folder is gone) and its <c>dm/*</c> branches. <see cref="RemoveAsync"/> removes the worktrees
/// through git (so no <c>prunable</c> entry stays), prunes, and deletes the branches — a branch with commits no other
/// branch has only when forced.
/// </summary>
public sealed class DispatchLeftovers
{
    private static readonly TimeSpan GitLimit = TimeSpan.FromSeconds(60);

    private DispatchLeftovers(string root, IReadOnlyList<string> worktrees, IReadOnlyList<DispatchBranch> branches)
    {
        Root = root;
        Worktrees = worktrees;
        Branches = branches;
    }

    /// <summary>The repository's top folder as git spells it.</summary>
    public string Root { get; }

    /// <summary>Full paths of dispatch worktrees git knows.</summary>
    public IReadOnlyList<string> Worktrees { get; }

    public IReadOnlyList<DispatchBranch> Branches { get; }

    public bool IsEmpty => Worktrees.Count == 0 && Branches.Count == 0;

    /// <summary>The same repository with only the worktrees and branches that pass the filters (what <c>dm dispatch clean</c> removes).</summary>
    public DispatchLeftovers Only(Func<string, bool> worktree, Func<DispatchBranch, bool> branch) =>
        new(Root, [.. Worktrees.Where(worktree)], [.. Branches.Where(branch)]);

    /// <summary>What dispatch left in the repository whose top folder is <paramref name="repo"/>; null when it is not the
    /// top of a git repository (or git is missing): then there is nothing of dispatch's to find.</summary>
    public static async Task<DispatchLeftovers?> FindAsync(string repo, CancellationToken ct)
    {
        var prefix = await GitAsync(repo, ["rev-parse", "--show-prefix", "--show-toplevel"], ct);
        if (prefix is not { ExitCode: 0 }) return null;
        var lines = prefix.StdOut.Split('\n');
        if (lines[0].Trim().Length > 0) return null; // a folder inside someone's repository: not ours to clean
        var root = lines.Length > 1 && lines[1].Trim().Length > 0 ? lines[1].Trim() : repo;

        var worktreesDir = Path.Combine(root, ".claude", "dm", "worktrees") + Path.DirectorySeparatorChar;
        var list = await GitAsync(root, ["worktree", "list", "--porcelain"], ct);
        var worktrees = (list?.StdOut ?? "").Split('\n')
            .Where(l => l.StartsWith("worktree ", StringComparison.Ordinal))
            .Select(l => l["worktree ".Length..].Trim())
            .Where(p => p.StartsWith(worktreesDir, StringComparison.Ordinal))
            .ToList();

        var refs = await GitAsync(root, ["for-each-ref", "--format=%(refname)", "refs/heads/"], ct);
        var all = (refs?.StdOut ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var branches = new List<DispatchBranch>();
        foreach (var r in all.Where(r => r.StartsWith("refs/heads/dm/", StringComparison.Ordinal)))
        {
            // Commits only this branch has: the others named one by one (`--exclude` with `--branches` differs between git versions).
            var count = await GitAsync(root, ["rev-list", "--count", r, "--not", .. all.Where(o => o != r)], ct);
            var own = count is { ExitCode: 0 } && int.TryParse(count.StdOut.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            branches.Add(new DispatchBranch(r["refs/heads/".Length..], own));
        }
        return new DispatchLeftovers(root, worktrees, branches);
    }

    /// <summary>One line per thing left, for <c>dm uninstall</c> without <c>--purge</c>.</summary>
    public IEnumerable<string> Describe()
    {
        foreach (var w in Worktrees)
            yield return $"dispatch left worktree {Rel(w)}{(Directory.Exists(w) ? "" : " (folder gone; git lists it prunable)")}";
        foreach (var b in Branches)
            yield return $"dispatch left branch {b.Name} ({Commits(b)})";
    }

    /// <summary>Removes the worktrees and prunes, then deletes the branches (one with commits of its own only when
    /// <paramref name="force"/>). Returns one line per thing done or kept.</summary>
    public async Task<IReadOnlyList<string>> RemoveAsync(bool force, CancellationToken ct)
    {
        var said = new List<string>();
        foreach (var w in Worktrees)
        {
            var removed = await GitAsync(Root, ["worktree", "remove", "--force", "--force", w], ct);
            if (removed is not { ExitCode: 0 } && Directory.Exists(w))
            {
                try { Directory.Delete(w, recursive: true); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    said.Add($"dispatch: could not remove worktree {Rel(w)}: {ex.Message}");
                    continue;
                }
            }
            said.Add($"dispatch: removed worktree {Rel(w)}");
        }
        await GitAsync(Root, ["worktree", "prune"], ct);
        foreach (var b in Branches)
        {
            if (b.OwnCommits != 0 && !force)
            {
                said.Add($"dispatch: kept branch {b.Name} ({Commits(b)}; `--force` deletes it)");
                continue;
            }
            var deleted = await GitAsync(Root, ["branch", "-D", "--quiet", b.Name], ct);
            said.Add(deleted is { ExitCode: 0 }
                ? $"dispatch: deleted branch {b.Name} ({Commits(b)})"
                : $"dispatch: could not delete branch {b.Name}: {deleted?.StdErr.Trim() ?? "git did not run"}");
        }
        return said;
    }

    /// <summary>"no commits of its own", "1 commit no other branch has", …</summary>
    public static string Commits(DispatchBranch b) => b.OwnCommits switch
    {
        < 0 => "commits unknown",
        0 => "no commits of its own",
        1 => "1 commit no other branch has",
        var n => $"{n} commits no other branch has",
    };

    private string Rel(string path) => Path.GetRelativePath(Root, path);

    private static async Task<ProcessOutcome?> GitAsync(string dir, IReadOnlyList<string> args, CancellationToken ct)
    {
        var run = await ProcessRunner.RunAsync(new ProcessSpec("git")
        {
            Arguments = args,
            WorkingDirectory = dir,
            TimeLimit = GitLimit,
            Environment = new Dictionary<string, string?> { ["GIT_TERMINAL_PROMPT"] = "0", ["LC_ALL"] = "C", ["GIT_OPTIONAL_LOCKS"] = "0" },
        }, ct);
        return run.Started ? run : null;
    }
}
