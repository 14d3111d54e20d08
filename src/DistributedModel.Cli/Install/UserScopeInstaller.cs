using DistributedModel.Cli.Json;
using DistributedModel.Cli.Report;
using DistributedModel.Cli.Wiring;

namespace DistributedModel.Cli.Install;

/// <summary><c>dm promote</c> (repo → user scope) and <c>dm uninstall --global</c>.</summary>
public sealed class UserScopeInstaller(CliEnvironment env)
{
    /// <param name="replaceStatusLine">When the repository has our status line: replace a user-scope status line of the
    /// user's own (kept for <c>dm uninstall --global</c>) instead of leaving it.</param>
    public async Task<int> PromoteAsync(string repo, bool force, bool keepRepo, CancellationToken ct, bool replaceStatusLine = false)
    {
        var root = env.ResolveRepository(repo);
        var layout = new RepoLayout(root);
        var user = new UserLayout(env.HomeDirectory);
        using var userLock = InstallLock.Acquire(user.Home);
        using var repoLock = InstallLock.Acquire(root);
        var now = env.Time.GetUtcNow();

        if (!BinaryInstaller.IsOurs(layout.HookDir))
            throw new UsageException($"{layout.HookDir} holds no binaries installed by dm; run `dm install` in {root} first.");
        // The status line moves with the hooks when install wired it in the repository (dm install --statusline).
        bool carryStatusLine = InstallState.Load(layout.StateFile)?.StatusLine is not null;
        BinaryLayout.Validate(layout.HookDir, "hook directory", statusLine: carryStatusLine);

        var review = ReviewLoader.Load(root, ReviewTargets.WindowDays, now, env.Error);
        if (!review.Promote)
        {
            if (!force)
            {
                await env.Out.WriteLineAsync("The day-7 review does not pass, so nothing was promoted:");
                foreach (var reason in review.Reasons) await env.Out.WriteLineAsync("  - " + reason);
                await env.Out.WriteLineAsync("See `dm report`; iterate, or pass --force to promote anyway.");
                return ExitCodes.CheckFailed;
            }
            await env.Error.WriteLineAsync("warning: promoting with --force although the review does not pass:");
            foreach (var reason in review.Reasons) await env.Error.WriteLineAsync("  - " + reason);
        }

        // Parse both user files first: a malformed one stops us before anything changes.
        var plan = WiringPlan.ForUser(user.BinDir);
        var settings = JsonEdit.Load(user.SettingsFile);
        var claudeJson = JsonEdit.Load(user.ClaudeJson);
        var state = InstallState.Load(user.StateFile);
        var snapshots = new Dictionary<string, FileSnapshot>
        {
            [user.SettingsFile] = FileSnapshot.Take(user.SettingsFile),
            [user.ClaudeJson] = FileSnapshot.Take(user.ClaudeJson),
        };
        var created = new[] { user.ClaudeDir, user.DmDir }.Where(d => !Directory.Exists(d)).ToList();

        settings.Apply(o => SettingsWiring.Add(o, plan, user.SettingsFile));
        var statusRecord = state?.StatusLine;
        string? statusNote = null;
        if (carryStatusLine)
            settings.Apply(o =>
            {
                (bool changed, statusRecord, statusNote) = StatusLineWiring.Add(o, plan.StatusLineCommand,
                    replaceStatusLine ? StatusLineMode.Replace : StatusLineMode.IfNone, state?.StatusLine, user.SettingsFile);
                return changed;
            });
        claudeJson.Apply(o => McpWiring.Add(o, plan, user.ClaudeJson));
        settings.EnsureWritable();
        claudeJson.EnsureWritable();

        int copied = BinaryInstaller.CopyInto(layout.HookDir, user.BinDir);
        state ??= new InstallState { InstalledAt = now, WindowStart = now, Files = snapshots, CreatedDirectories = created };
        if (carryStatusLine) state = state with { StatusLine = statusRecord };
        state.Save(user.StateFile);

        foreach (var edit in new[] { settings, claudeJson })
        {
            var backup = edit.Existed && edit.Changed ? UserLayout.BackupPath(edit.Path, now) : null;
            bool wrote = edit.Save(backupPath: backup);
            await env.Out.WriteLineAsync(wrote
                ? $"{edit.Path}: merged" + (backup is not null ? $" (backup: {backup})" : "")
                : $"{edit.Path}: already wired, unchanged");
        }
        if (statusNote is not null) await env.Out.WriteLineAsync($"{user.SettingsFile}: {statusNote}");
        await env.Out.WriteLineAsync(copied > 0 ? $"Copied {copied} file(s) into {user.BinDir}" : $"{user.BinDir}: up to date");

        if (!keepRepo)
        {
            // Move, not copy: with both scopes wired every hook would run twice.
            new RepoInstaller(env).Unwire(layout);
            await env.Out.WriteLineAsync($"Removed the repository-level wiring in {root} (binaries and logs kept; `dm uninstall` there removes the binaries).");
        }
        await env.Out.WriteLineAsync("Promoted: every Claude Code session of this user now uses Distributed Model. `dm uninstall --global` reverts it.");
        return ExitCodes.Ok;
    }

    public async Task<int> UninstallAsync()
    {
        var user = new UserLayout(env.HomeDirectory);
        using var _ = InstallLock.Acquire(user.Home);
        var now = env.Time.GetUtcNow();
        var state = InstallState.Load(user.StateFile);
        var (wroteSettings, wroteClaude, statusNote) = WiringFiles.Remove(WiringPlan.ForUser(user.BinDir),
            user.SettingsFile, state?.Files.GetValueOrDefault(user.SettingsFile),
            user.ClaudeJson, state?.Files.GetValueOrDefault(user.ClaudeJson), state?.StatusLine,
            // A file promote created needs no backup: it goes away again.
            (path, before) => before is { Existed: false } ? null : UserLayout.BackupPath(path, now));
        foreach (var (path, wrote) in new[] { (user.SettingsFile, wroteSettings), (user.ClaudeJson, wroteClaude) })
        {
            var backup = UserLayout.BackupPath(path, now);
            await env.Out.WriteLineAsync(!wrote ? $"{path}: none of our entries found"
                : $"{path}: our entries removed" + (File.Exists(backup) ? $" (backup: {backup})" : ""));
        }
        if (statusNote is not null) await env.Out.WriteLineAsync($"{user.SettingsFile}: {statusNote}");
        if (BinaryInstaller.IsOurs(user.BinDir))
        {
            BinaryInstaller.Remove(user.BinDir);
            await env.Out.WriteLineAsync($"{user.BinDir}: deleted");
        }
        if (File.Exists(user.StateFile)) File.Delete(user.StateFile);
        foreach (var dir in (state?.CreatedDirectories ?? []).AsEnumerable().Reverse().Append(user.DmDir))
            if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
        return ExitCodes.Ok;
    }
}
