using System.Text.Json.Nodes;
using DistributedModel.Cli.Install;
using DistributedModel.Cli.Json;
using DistributedModel.Cli.Wiring;
using DistributedModel.Providers.Configuration;
using Microsoft.Extensions.Configuration;
using DistributedModel.Core.Wiring;

namespace DistributedModel.Cli.Doctor;

/// <summary>The checks of <c>dm doctor</c>. Fail = the setup does not work; Warn = it works with less (e.g. a lane without a key falls back).</summary>
public sealed class DoctorChecks(CliEnvironment env, RepoLayout repo)
{
    public const long DiskWarnBytes = 1L << 30;

    public async Task<List<CheckResult>> RunAsync(CancellationToken ct)
    {
        var results = new List<CheckResult>();
        var user = new UserLayout(env.HomeDirectory);
        bool promoted = File.Exists(user.StateFile);
        var binDir = promoted && !BinaryInstaller.IsOurs(repo.HookDir) ? user.BinDir : repo.HookDir;

        var binaries = BinaryLayout.Required.Select(rel => Executable(Path.Combine(binDir, rel))).ToList();
        results.AddRange(binaries);
        if (binaries.All(r => r.Level == CheckLevel.Ok)) // run them only when every one is there and executable
        {
            var smoke = new SmokeChecks(env.SmokeTimeout);
            results.Add(await smoke.PostToolUseAsync(Path.Combine(binDir, WiringDefaults.PostToolUseExe), ct));
            results.Add(await smoke.UserPromptSubmitAsync(Path.Combine(binDir, WiringDefaults.UserPromptSubmitExe), ct));
            results.Add(await smoke.McpServerAsync(Path.Combine(binDir, BinaryLayout.McpExecutable), ct));
        }

        results.Add(Wired("hooks in " + repo.SettingsFile, () => SettingsWiring.IsWired(JsonFile.ReadObject(repo.SettingsFile), WiringPlan.ForRepository()), promoted));
        results.Add(Wired("server in " + repo.McpFile, () => McpWiring.IsWired(JsonFile.ReadObject(repo.McpFile), WiringPlan.ForRepository()), promoted));
        if (promoted)
        {
            var plan = WiringPlan.ForUser(user.BinDir);
            results.Add(Wired("hooks in " + user.SettingsFile, () => SettingsWiring.IsWired(JsonFile.ReadObject(user.SettingsFile), plan), false));
            results.Add(Wired("server in " + user.ClaudeJson, () => McpWiring.IsWired(JsonFile.ReadObject(user.ClaudeJson), plan), false));
        }

        await StatusLineAsync(results, binDir, user, promoted, ct);

        // Base URLs resolved by the provider library itself (environment, ~/.claude/dm.json, allowed repository hosts).
        var endpoints = new Dictionary<string, ProviderBaseUrls.Resolved>(StringComparer.Ordinal);
        {
            var names = ProviderEndpoints.All.SelectMany(p => p.KeyVariables.Append(p.BaseUrlVariable ?? "")).Where(n => n.Length > 0);
            var values = names.ToDictionary(n => n, n => (string?)(env.GetEnvironmentVariable(n) ?? ""), StringComparer.Ordinal);
            values["HOME"] = env.HomeDirectory;
            // Resolved as the server resolves them, even when some value is invalid: a refused host is never probed (issue 26.9).
            var (resolved, problems, ignored) = ProviderBaseUrls.ResolveWithProblems(repo.Paths, new ConfigurationBuilder().AddInMemoryCollection(values).Build());
            foreach (var problem in problems) results.Add(new("provider configuration", CheckLevel.Fail, problem + " (left at its default; the rest applies)"));
            foreach (var warning in ignored) results.Add(new("project configuration", CheckLevel.Warn, warning));
            // Every user-only key the project sets (dispatch.codexHome, mcp.scaffold.allowPaths, …), each once: the
            // server's loaders ignore them at run time, doctor says so before (issue 26).
            var userFile = DistributedModel.Core.Configuration.UserConfigFile.Path(env.HomeDirectory);
            foreach (var (key, warning) in DistributedModel.Core.Configuration.RepoConfigAudit.UserOnlyKeysSet(repo.Paths.ConfigFile, userFile))
            {
                if (key == "dispatch.codexPath" || ignored.Any(w => w.Contains(key + " ignored", StringComparison.Ordinal))) continue; // said by its own check
                results.Add(new("project configuration", CheckLevel.Warn, warning));
            }
            foreach (var r in resolved)
            {
                endpoints[r.Provider] = r;
                results.Add(r.Refused is { } why
                    ? new($"{r.Provider} base URL", CheckLevel.Fail, why)
                    : new($"{r.Provider} base URL", CheckLevel.Ok, $"{r.Url} (from {r.Source})"));
            }
        }

        using var http = new HttpClient { Timeout = env.ProbeTimeout };
        foreach (var p in ProviderEndpoints.All)
        {
            if (p.KeyVariables.Length > 0)
            {
                var set = p.KeyVariables.FirstOrDefault(k => !string.IsNullOrEmpty(env.GetEnvironmentVariable(k)));
                results.Add(set is not null
                    ? new($"{p.Name} key", CheckLevel.Ok, $"{set} is set")
                    : new($"{p.Name} key", CheckLevel.Warn, $"{string.Join(" or ", p.KeyVariables)} not set: the {p.Name} lanes will fall back"));
                if (set is null) continue;
            }
            if (!endpoints.TryGetValue(p.Name, out var resolved) || resolved.Refused is not null) continue; // never probe a refused host
            results.Add(await ProbeAsync(http, $"{p.Name} reachable", resolved.Authority, ct));
        }

        results.AddRange(await new DispatchCodexCheck(env, repo.Paths.ConfigFile).RunAsync(ct));
        results.Add(OnPath("ollama", "optional local lane"));
        results.Add(Disk());
        return results;
    }

    /// <summary>
    /// The status line is optional: where it is wired (the repository's settings, and the user's after promote), and —
    /// when wired or present — its binary, run once. A status line of the user's own is fine; a malformed one is a warning.
    /// </summary>
    private async Task StatusLineAsync(List<CheckResult> results, string binDir, UserLayout user, bool promoted, CancellationToken ct)
    {
        var scopes = new List<(string File, string Command, bool UserScope)> { (repo.SettingsFile, WiringPlan.ForRepository().StatusLineCommand, false) };
        if (promoted) scopes.Add((user.SettingsFile, WiringPlan.ForUser(user.BinDir).StatusLineCommand, true));
        string? wiredExe = null; // the binary Claude Code runs: the project's settings win over the user's
        foreach (var (file, command, userScope) in scopes)
        {
            var name = "status line in " + file;
            try
            {
                var settings = JsonFile.ReadObject(file) ?? new JsonObject();
                results.Add(StatusLineWiring.Inspect(settings, command) switch
                {
                    StatusLineState.Ours => new(name, CheckLevel.Ok, "wired"),
                    StatusLineState.Theirs => new(name, CheckLevel.Ok,
                        $"your own ({StatusLineWiring.Describe(settings)}); ours is not wired (`dm install --replace-statusline` swaps it, uninstall gives yours back)"),
                    StatusLineState.Malformed => new(name, CheckLevel.Warn,
                        $"\"statusLine\" is not {{\"type\": \"command\", \"command\": \"…\"}} (found {StatusLineWiring.Describe(settings)}): Claude Code shows no status line"),
                    _ when promoted && !userScope => new(name, CheckLevel.Ok, "not wired here (promoted: see user scope)"),
                    _ => new(name, CheckLevel.Ok, "not wired (optional: `dm install --statusline`)"),
                });
                if (StatusLineWiring.IsOurs(settings, command))
                    wiredExe ??= Path.Combine(userScope ? user.BinDir : repo.HookDir, BinaryLayout.StatusLineExecutable);
            }
            catch (JsonFileException ex)
            {
                results.Add(new(name, CheckLevel.Fail, ex.Message));
            }
        }
        var exe = wiredExe ?? Path.Combine(binDir, BinaryLayout.StatusLineExecutable);
        if (wiredExe is null && !File.Exists(exe)) return;
        var binary = Executable(exe, "dm install --statusline");
        results.Add(binary);
        if (binary.Level == CheckLevel.Ok) results.Add(await new SmokeChecks(env.SmokeTimeout).StatusLineAsync(exe, ct));
    }

    private static CheckResult Executable(string path, string fix = "dm install")
    {
        var name = "binary " + path;
        if (!File.Exists(path)) return new(name, CheckLevel.Fail, $"missing: run `{fix}`");
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) == 0)
            return new(name, CheckLevel.Fail, "not executable: run `dm install` again");
        return new(name, CheckLevel.Ok, "present, executable");
    }

    private static CheckResult Wired(string name, Func<bool> check, bool promotedElsewhere)
    {
        try
        {
            if (check()) return new(name, CheckLevel.Ok, "wired");
            return promotedElsewhere
                ? new(name, CheckLevel.Ok, "not wired here (promoted to user scope)")
                : new(name, CheckLevel.Fail, "not wired: run `dm install`");
        }
        catch (JsonFileException ex)
        {
            return new(name, CheckLevel.Fail, ex.Message);
        }
    }

    private async Task<CheckResult> ProbeAsync(HttpClient http, string name, string url, CancellationToken ct)
    {
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(env.ProbeTimeout);
            using var resp = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            return new(name, CheckLevel.Ok, $"{url} answered HTTP {(int)resp.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            var why = ex is HttpRequestException h ? h.Message : $"no answer within {env.ProbeTimeout.TotalSeconds:0.#} s";
            return new(name, CheckLevel.Warn, $"{url} unreachable ({why})");
        }
    }

    private CheckResult OnPath(string exe, string why)
    {
        var path = env.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, exe);
            if (File.Exists(candidate)) return new($"{exe} found", CheckLevel.Ok, candidate);
        }
        return new($"{exe} found", CheckLevel.Warn, $"not on PATH ({why})");
    }

    private CheckResult Disk()
    {
        var dir = repo.Paths.DmDir;
        if (!Directory.Exists(dir)) return new("disk use of .claude/dm", CheckLevel.Ok, "0 B (nothing logged yet)");
        long total = 0;
        int files = 0;
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            total += new FileInfo(f).Length;
            files++;
        }
        var detail = $"{Report.Format.Bytes(total)} in {files} file(s)";
        return total > DiskWarnBytes
            ? new("disk use of .claude/dm", CheckLevel.Warn, detail + " — consider `dm uninstall --purge` or pruning .claude/dm/raw")
            : new("disk use of .claude/dm", CheckLevel.Ok, detail);
    }
}
