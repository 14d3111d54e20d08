using System.CommandLine;
using System.Globalization;
using DistributedModel.Cli.Dispatch;

namespace DistributedModel.Cli.Commands;

/// <summary><c>dm dispatch list</c> and <c>dm dispatch clean</c>: what dispatch left in a repository, and removing it.</summary>
public static class DispatchCommand
{
    public static Command Create(CliEnvironment env) => new("dispatch", "What dispatch left in the repository (worktrees, dm/* branches): list it, clean it.")
    {
        List(env), Clean(env),
    };

    private static Command List(CliEnvironment env)
    {
        var repo = InstallCommands.RepoOption();
        var cmd = new Command("list", "One line per dispatch worktree and dm/* branch: job id, state, age, size on disk, commits no other branch has.") { repo };
        cmd.SetAction((r, ct) => CliApp.Guard(env, async () =>
        {
            var left = await FindAsync(env, r.GetValue(repo)!, ct);
            if (left.IsEmpty) { await env.Out.WriteLineAsync("dispatch left nothing here."); return ExitCodes.Ok; }
            var now = env.Time.GetUtcNow();
            foreach (var w in left.Worktrees)
            {
                var id = DispatchJobFolder.IdOfWorktree(w);
                await env.Out.WriteLineAsync($"worktree {Path.GetRelativePath(left.Root, w)}: {Describe(left.Root, id, now)}, "
                    + (Directory.Exists(w) ? Size(DispatchJobFolder.SizeOf(w)) : "folder gone (prunable)"));
            }
            foreach (var b in left.Branches)
                await env.Out.WriteLineAsync($"branch {b.Name}: {Describe(left.Root, DispatchJobFolder.IdOfBranch(left.Root, b.Name), now)}, {DispatchLeftovers.Commits(b)}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Clean(CliEnvironment env)
    {
        var repo = InstallCommands.RepoOption();
        var olderThan = new Option<string?>("--older-than") { Description = "Only what dispatch made longer ago than this: 7d, 12h, 30m (default: all)." };
        var force = new Option<bool>("--force") { Description = "Also delete dm/* branches with commits no other branch has, and jobs whose state says queued or running." };
        var cmd = new Command("clean",
            "Remove dispatch worktrees (through git: no prunable entry stays) and dm/* branches without commits of their own. " +
            "A branch with commits, and a job its state says may still run, are kept and named unless --force.") { repo, olderThan, force };
        cmd.SetAction((r, ct) => CliApp.Guard(env, async () =>
        {
            var limit = r.GetValue(olderThan) is { } text ? ParseAge(text) : (TimeSpan?)null;
            var forced = r.GetValue(force);
            var left = await FindAsync(env, r.GetValue(repo)!, ct);
            var now = env.Time.GetUtcNow();
            bool Old(string? id) => limit is null || DispatchJobFolder.CreatedAt(id) is { } t && now - t > limit;
            bool Free(string? id) => forced || !DispatchJobFolder.MayRun(DispatchJobFolder.StateOf(left.Root, id));
            var kept = new List<string>();
            var chosen = left.Only(
                w => Keep(DispatchJobFolder.IdOfWorktree(w), $"worktree {Path.GetRelativePath(left.Root, w)}"),
                b => Keep(DispatchJobFolder.IdOfBranch(left.Root, b.Name), $"branch {b.Name}"));
            bool Keep(string? id, string what)
            {
                if (!Old(id)) return false;
                if (Free(id)) return true;
                kept.Add($"dispatch: kept {what} (job {id} says {DispatchJobFolder.StateOf(left.Root, id)}: its server may still run it; --force removes it)");
                return false;
            }
            foreach (var line in kept) await env.Out.WriteLineAsync(line);
            if (chosen.IsEmpty) { await env.Out.WriteLineAsync("nothing to clean."); return ExitCodes.Ok; }
            foreach (var line in await chosen.RemoveAsync(forced, ct)) await env.Out.WriteLineAsync(line);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static async Task<DispatchLeftovers> FindAsync(CliEnvironment env, string repo, CancellationToken ct)
    {
        var root = env.ResolveRepository(repo);
        return await DispatchLeftovers.FindAsync(root, ct)
            ?? throw new UsageException($"{root} is not the top folder of a git repository: dispatch works only there.");
    }

    /// <summary>"7d", "12h", "30m" (a whole positive number and a unit).</summary>
    public static TimeSpan ParseAge(string text)
    {
        var t = text.Trim();
        if (t.Length >= 2 && int.TryParse(t[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (t[^1])
            {
                case 'd': return TimeSpan.FromDays(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'm': return TimeSpan.FromMinutes(n);
            }
        }
        throw new UsageException($"--older-than {text}: expected a whole number of days, hours or minutes, e.g. 7d, 12h, 30m.");
    }

    private static string Describe(string root, string? id, DateTimeOffset now)
    {
        if (id is null) return "no job of this name";
        var state = DispatchJobFolder.StateOf(root, id) ?? "state unknown";
        var age = DispatchJobFolder.CreatedAt(id) is { } t ? Age(now - t) : "age unknown";
        return $"job {id} {state}, {age} old";
    }

    private static string Age(TimeSpan t) => t switch
    {
        { TotalDays: >= 1 } => $"{(int)t.TotalDays} d",
        { TotalHours: >= 1 } => $"{(int)t.TotalHours} h",
        _ => $"{Math.Max(0, (int)t.TotalMinutes)} min",
    };

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):F1} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):F1} KiB"),
        _ => $"{bytes} B",
    };
}
