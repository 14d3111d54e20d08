using DistributedModel.Cli.Json;
using DistributedModel.Cli.Wiring;

namespace DistributedModel.Cli.Install;

/// <summary><c>dm install</c> and <c>dm uninstall</c> for one repository.</summary>
public sealed class RepoInstaller(CliEnvironment env)
{
    /// <summary>Obtains binaries (copied from <paramref name="hooksFrom"/>, else published from the source tree), then wires the repo.</summary>
    public async Task<int> InstallAsync(string repo, string? hooksFrom, CancellationToken ct)
    {
        var layout = ForExistingRepo(repo);
        // Parse everything we will edit before any work: a malformed file stops us with nothing changed.
        var plan = WiringPlan.ForRepository();
        var settings = JsonEdit.Load(layout.SettingsFile);
        var mcp = JsonEdit.Load(layout.McpFile);
        var state = InstallState.Load(layout.StateFile);
        var settingsBefore = FileSnapshot.Take(layout.SettingsFile);
        var mcpBefore = FileSnapshot.Take(layout.McpFile);
        var createdDirs = RepoLayout.CreatableDirectories.Where(d => !Directory.Exists(Path.Combine(layout.Root, d))).ToList();

        string source;
        if (hooksFrom is not null)
        {
            source = env.ResolvePath(hooksFrom);
            BinaryLayout.Validate(source, "--hooks-from");
        }
        else
        {
            var tree = SourceTreeLocator.Find(env.ToolDirectory, env.CurrentDirectory, layout.Root)
                ?? throw new UsageException("cannot find the Distributed Model source tree (DistributedModel.sln) above the dm binary or the current directory; " +
                    "run dm from a checkout, or pass --hooks-from DIR with prebuilt binaries (PostToolUse, UserPromptSubmit, mcp/dm-mcp).");
            await env.Out.WriteLineAsync($"Publishing from {tree}");
            source = await new Publisher(tree, env.Out).PublishIfNeededAsync(ct);
        }

        if (Directory.Exists(layout.HookDir) && !BinaryInstaller.IsOurs(layout.HookDir) && Directory.EnumerateFileSystemEntries(layout.HookDir).Any())
            await env.Out.WriteLineAsync($"note: {layout.HookDir} already holds files that are not ours; they are kept.");
        int copied = BinaryInstaller.CopyInto(source, layout.HookDir);

        settings.Apply(o => SettingsWiring.Add(o, plan, layout.SettingsFile));
        mcp.Apply(o => McpWiring.Add(o, plan, layout.McpFile));

        if (state is null)
        {
            var now = env.Time.GetUtcNow();
            state = new InstallState
            {
                InstalledAt = now,
                WindowStart = now,
                Files = { [RepoLayout.SettingsKey] = settingsBefore, [RepoLayout.McpKey] = mcpBefore },
                CreatedDirectories = createdDirs,
            };
            state.Save(layout.StateFile);
            await env.Out.WriteLineAsync($"Validation window starts {now:yyyy-MM-dd HH:mm} UTC; run `dm report` on day 7 (recorded in {Rel(layout, layout.StateFile)}).");
        }
        bool wroteSettings = settings.Save();
        bool wroteMcp = mcp.Save();

        await env.Out.WriteLineAsync($"{(copied > 0 ? $"Installed {copied} file(s) into" : "Binaries up to date in")} {Rel(layout, layout.HookDir)}");
        await env.Out.WriteLineAsync($"{Rel(layout, layout.SettingsFile)}: {(wroteSettings ? "hooks merged" : "already wired, unchanged")}");
        await env.Out.WriteLineAsync($"{Rel(layout, layout.McpFile)}: {(wroteMcp ? $"server \"{WiringPlan.McpServerName}\" merged" : "already wired, unchanged")}");
        return ExitCodes.Ok;
    }

    /// <summary>Removes exactly what install added; with <paramref name="purge"/> also the logs and the ledger.</summary>
    public async Task<int> UninstallAsync(string repo, bool purge)
    {
        var layout = ForExistingRepo(repo);
        var plan = WiringPlan.ForRepository();
        var settings = JsonEdit.Load(layout.SettingsFile);
        var mcp = JsonEdit.Load(layout.McpFile);
        var state = InstallState.Load(layout.StateFile);
        FileSnapshot? settingsBefore = state?.Files.GetValueOrDefault(RepoLayout.SettingsKey);
        FileSnapshot? mcpBefore = state?.Files.GetValueOrDefault(RepoLayout.McpKey);

        settings.Apply(o => SettingsWiring.Remove(o, plan, JsonEdit.Parse(settingsBefore, layout.SettingsFile)));
        mcp.Apply(o => McpWiring.Remove(o, JsonEdit.Parse(mcpBefore, layout.McpFile)));
        bool wroteSettings = settings.Save(settingsBefore);
        bool wroteMcp = mcp.Save(mcpBefore);
        await env.Out.WriteLineAsync($"{Rel(layout, layout.SettingsFile)}: {(wroteSettings ? "our hooks removed" : "none of our hooks found")}");
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

        if (File.Exists(layout.StateFile)) File.Delete(layout.StateFile);
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
    public Task UnwireAsync(RepoLayout layout)
    {
        var plan = WiringPlan.ForRepository();
        var settings = JsonEdit.Load(layout.SettingsFile);
        var mcp = JsonEdit.Load(layout.McpFile);
        var state = InstallState.Load(layout.StateFile);
        FileSnapshot? settingsBefore = state?.Files.GetValueOrDefault(RepoLayout.SettingsKey);
        FileSnapshot? mcpBefore = state?.Files.GetValueOrDefault(RepoLayout.McpKey);
        settings.Apply(o => SettingsWiring.Remove(o, plan, JsonEdit.Parse(settingsBefore, layout.SettingsFile)));
        mcp.Apply(o => McpWiring.Remove(o, JsonEdit.Parse(mcpBefore, layout.McpFile)));
        settings.Save(settingsBefore);
        mcp.Save(mcpBefore);
        if (state is not null) (state with { PromotedAt = env.Time.GetUtcNow() }).Save(layout.StateFile);
        return Task.CompletedTask;
    }

    private RepoLayout ForExistingRepo(string? repo)
    {
        var root = env.ResolvePath(repo ?? ".");
        if (!Directory.Exists(root)) throw new UsageException($"repository directory {root} does not exist.");
        return new RepoLayout(root);
    }

    private static string Rel(RepoLayout layout, string path) => Path.GetRelativePath(layout.Root, path);
}
