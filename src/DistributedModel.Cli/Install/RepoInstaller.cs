using DistributedModel.Cli.Dispatch;
using DistributedModel.Cli.Json;
using DistributedModel.Cli.Wiring;

namespace DistributedModel.Cli.Install;

/// <summary><c>dm install</c> and <c>dm uninstall</c> for one repository.</summary>
public sealed class RepoInstaller(CliEnvironment env)
{
    /// <summary>
    /// Obtains binaries (copied from <paramref name="hooksFrom"/>, else published from the source tree), then wires the repo
    /// and keeps our files out of git (<c>.git/info/exclude</c>, or <c>.gitignore</c> with <paramref name="gitignore"/>).
    /// <paramref name="statusLine"/>: also set Claude Code's <c>statusLine</c> to our binary (when the user has none, or
    /// replacing theirs and keeping it for uninstall).
    /// </summary>
    public async Task<int> InstallAsync(string repo, string? hooksFrom, CancellationToken ct, bool gitignore = false, StatusLineMode statusLine = StatusLineMode.Off)
    {
        var layout = ForExistingRepo(repo);
        using var _ = InstallLock.Acquire(layout.Root);
        // Parse, merge (in memory) and check everything we will edit before any work: a malformed, wrong-typed, read-only
        // or dangling file stops us with nothing changed — no binaries copied, no publish started.
        var plan = WiringPlan.ForRepository();
        var settings = JsonEdit.Load(layout.SettingsFile);
        var mcp = JsonEdit.Load(layout.McpFile);
        var state = InstallState.Load(layout.StateFile);
        var settingsBefore = FileSnapshot.Take(layout.SettingsFile);
        var mcpBefore = FileSnapshot.Take(layout.McpFile);
        var createdDirs = RepoLayout.CreatableDirectories.Where(d => !Directory.Exists(Path.Combine(layout.Root, d))).ToList();
        bool hooksChanged = false;
        settings.Apply(o => hooksChanged = SettingsWiring.Add(o, plan, layout.SettingsFile));
        var statusRecord = state?.StatusLine;
        string? statusNote = null;
        if (statusLine != StatusLineMode.Off)
            settings.Apply(o =>
            {
                (bool changed, statusRecord, statusNote) = StatusLineWiring.Add(o, plan.StatusLineCommand, statusLine, state?.StatusLine, layout.SettingsFile);
                return changed;
            });
        mcp.Apply(o => McpWiring.Add(o, plan, layout.McpFile));
        settings.EnsureWritable();
        mcp.EnsureWritable();
        var ignore = IgnoreEntries.Locate(layout.Root, gitignore);
        if (ignore is { } target) IgnoreEntries.EnsureWritable(target.File);

        string source;
        if (hooksFrom is not null)
        {
            source = env.ResolvePath(hooksFrom);
            BinaryLayout.Validate(source, "--hooks-from", statusLine: statusLine != StatusLineMode.Off);
        }
        else
        {
            var tree = SourceTreeLocator.Find(env.ToolDirectory, env.CurrentDirectory, layout.Root)
                ?? throw new UsageException("cannot find the Distributed Model source tree (DistributedModel.sln) above the dm binary or the current directory; " +
                    "run dm from a checkout, or pass --hooks-from DIR with prebuilt binaries (PostToolUse, UserPromptSubmit, mcp/dm-mcp).");
            await env.Out.WriteLineAsync($"Publishing from {tree}");
            source = await new Publisher(tree, env.Out, time: env.Time).PublishIfNeededAsync(ct);
        }

        if (Directory.Exists(layout.HookDir) && !BinaryInstaller.IsOurs(layout.HookDir) && Directory.EnumerateFileSystemEntries(layout.HookDir).Any())
            await env.Out.WriteLineAsync($"note: {layout.HookDir} already holds files that are not ours; they are kept.");
        int copied = BinaryInstaller.CopyInto(source, layout.HookDir);

        var now = env.Time.GetUtcNow();
        bool newWindow = state is null;
        state ??= new InstallState
        {
            InstalledAt = now,
            WindowStart = now,
            Files = { [RepoLayout.SettingsKey] = settingsBefore, [RepoLayout.McpKey] = mcpBefore },
            CreatedDirectories = createdDirs,
        };
        if (statusLine != StatusLineMode.Off) state = state with { StatusLine = statusRecord };
        (state, var ignoreNote) = UpdateIgnore(layout, state, ignore);
        state.Save(layout.StateFile);
        if (newWindow)
            await env.Out.WriteLineAsync($"Validation window starts {now:yyyy-MM-dd HH:mm} UTC; run `dm report` on day 7 (recorded in {Rel(layout, layout.StateFile)}).");
        bool wroteSettings = settings.Save();
        bool wroteMcp = mcp.Save();

        await env.Out.WriteLineAsync($"{(copied > 0 ? $"Installed {copied} file(s) into" : "Binaries up to date in")} {Rel(layout, layout.HookDir)}");
        await env.Out.WriteLineAsync($"{Rel(layout, layout.SettingsFile)}: {(hooksChanged ? "hooks merged" : wroteSettings ? "hooks already wired" : "already wired, unchanged")}");
        if (statusNote is not null) await env.Out.WriteLineAsync($"{Rel(layout, layout.SettingsFile)}: {statusNote}");
        await env.Out.WriteLineAsync($"{Rel(layout, layout.McpFile)}: {(wroteMcp ? $"server \"{WiringPlan.McpServerName}\" merged" : "already wired, unchanged")}");
        await env.Out.WriteLineAsync(ignoreNote);
        return ExitCodes.Ok;
    }

    /// <summary>Adds our ignore block where asked (moving it if an earlier install put it elsewhere); returns the line to print.</summary>
    private static (InstallState State, string Note) UpdateIgnore(RepoLayout layout, InstallState state, (string File, string Prefix)? target)
    {
        if (target is not { } t)
            return (state, "not a git work tree: nothing to keep out of git (pass --gitignore to write a .gitignore anyway).");
        if (state.Ignore is { } old && (old.File != t.File || old.Prefix != t.Prefix))
        {
            IgnoreEntries.Remove(old);
            state = state with { Ignore = null };
        }
        var added = IgnoreEntries.Add(t.File, t.Prefix);
        if (added is not null) state = state with { Ignore = added };
        return (state, $"{DisplayPath(layout, t.File)}: {(added is not null ? "added" : "already has")} the block keeping {string.Join(", ", IgnoreEntries.Paths)} out of git");
    }

    private static string DisplayPath(RepoLayout layout, string file)
    {
        var rel = Path.GetRelativePath(layout.Root, file);
        return rel.StartsWith("..", StringComparison.Ordinal) ? file : rel;
    }

    /// <summary>
    /// Removes exactly what install added; with <paramref name="purge"/> also the logs, the ledger and what dispatch left
    /// (its worktrees and dm/* branches; a branch with commits no other branch has only with <paramref name="force"/>).
    /// Without it, what dispatch left is listed.
    /// </summary>
    public async Task<int> UninstallAsync(string repo, bool purge, bool force = false)
    {
        var layout = ForExistingRepo(repo);
        using var _ = InstallLock.Acquire(layout.Root);
        var state = InstallState.Load(layout.StateFile);
        if (state?.Ignore is { } ignore) IgnoreEntries.EnsureWritable(ignore.File);
        var (wroteSettings, wroteMcp, statusNote) = RemoveWiring(layout, state);
        await env.Out.WriteLineAsync($"{Rel(layout, layout.SettingsFile)}: {(wroteSettings ? "our hooks removed" : "none of our hooks found")}");
        if (statusNote is not null) await env.Out.WriteLineAsync($"{Rel(layout, layout.SettingsFile)}: {statusNote}");
        await env.Out.WriteLineAsync($"{Rel(layout, layout.McpFile)}: {(wroteMcp ? $"server \"{WiringPlan.McpServerName}\" removed" : "our server not found")}");

        if (BinaryInstaller.IsOurs(layout.HookDir))
        {
            var kept = BinaryInstaller.Remove(layout.HookDir);
            await env.Out.WriteLineAsync(kept.Count == 0
                ? $"{Rel(layout, layout.HookDir)}: deleted"
                : $"{Rel(layout, layout.HookDir)}: our binaries deleted; kept {kept.Count} file(s) that are not ours");
        }
        else if (Directory.Exists(layout.HookDir))
        {
            await env.Out.WriteLineAsync($"{Rel(layout, layout.HookDir)}: not created by dm (no {BinaryLayout.ManifestFile}); left alone");
        }

        if (state?.Ignore is { } record)
            await env.Out.WriteLineAsync($"{DisplayPath(layout, record.File)}: " + (IgnoreEntries.Remove(record)
                ? "our block removed" : "our block is no longer there (changed by hand?); left alone"));
        if (File.Exists(layout.StateFile)) File.Delete(layout.StateFile);
        // Before .claude/dm/ goes: a worktree folder deleted behind git's back stays listed as prunable.
        if (await DispatchLeftovers.FindAsync(layout.Root, CancellationToken.None) is { IsEmpty: false } left)
        {
            var lines = purge ? await left.RemoveAsync(force, CancellationToken.None) : [.. left.Describe()];
            foreach (var line in lines) await env.Out.WriteLineAsync(line);
            if (!purge)
                await env.Out.WriteLineAsync("`dm uninstall --purge` removes them (a branch with commits no other branch has only with --force too).");
        }
        if (purge)
        {
            if (File.Exists(layout.Paths.HooksLog)) File.Delete(layout.Paths.HooksLog);
            if (Directory.Exists(layout.Paths.DmDir)) Directory.Delete(layout.Paths.DmDir, recursive: true);
            await env.Out.WriteLineAsync("Purged .claude/hooks.log and .claude/dm/ (ledger, raw outputs).");
        }
        else if (File.Exists(layout.Paths.HooksLog) || File.Exists(layout.Paths.Ledger))
        {
            await env.Out.WriteLineAsync("Kept .claude/hooks.log and .claude/dm/ (logs, ledger); `dm uninstall --purge` deletes them.");
        }
        if (Directory.Exists(layout.Paths.DmDir) && !Directory.EnumerateFileSystemEntries(layout.Paths.DmDir).Any())
            Directory.Delete(layout.Paths.DmDir);
        foreach (var dir in (state?.CreatedDirectories ?? []).AsEnumerable().Reverse())
        {
            var full = Path.Combine(layout.Root, dir);
            if (Directory.Exists(full) && !Directory.EnumerateFileSystemEntries(full).Any()) Directory.Delete(full);
        }
        return ExitCodes.Ok;
    }

    /// <summary>Removes our entries from the repo's settings.json and .mcp.json only (used by promote, which moves the wiring).</summary>
    public void Unwire(RepoLayout layout)
    {
        var state = InstallState.Load(layout.StateFile);
        RemoveWiring(layout, state);
        if (state is not null) (state with { PromotedAt = env.Time.GetUtcNow() }).Save(layout.StateFile);
    }

    private static (bool Settings, bool Mcp, string? StatusLine) RemoveWiring(RepoLayout layout, InstallState? state) =>
        WiringFiles.Remove(WiringPlan.ForRepository(),
            layout.SettingsFile, state?.Files.GetValueOrDefault(RepoLayout.SettingsKey),
            layout.McpFile, state?.Files.GetValueOrDefault(RepoLayout.McpKey), state?.StatusLine);

    private RepoLayout ForExistingRepo(string? repo) => new(env.ResolveRepository(repo));

    private static string Rel(RepoLayout layout, string path) => Path.GetRelativePath(layout.Root, path);
}
