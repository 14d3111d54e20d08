using System.Text.Json;
using DistributedModel.Core.Configuration;
using DistributedModel.Core.Processes;

namespace DistributedModel.Cli.Doctor;

/// <summary>
/// The codex the dispatch tool will really run: <c>dispatch.codexPath</c> from the user's <c>~/.claude/dm.json</c> (a
/// user-only key: a repository's <c>.claude/dm.json</c> may not set it, and a value there is reported as ignored), else
/// <c>codex</c> on PATH — found, executable, and answering <c>--version</c>.
/// </summary>
public sealed class DispatchCodexCheck(CliEnvironment env, string repoConfigFile)
{
    public const string Name = "codex found";
    private const string Key = "dispatch.codexPath";

    public async Task<IReadOnlyList<CheckResult>> RunAsync(CancellationToken ct)
    {
        var results = new List<CheckResult>();
        var userFile = UserConfigFile.Path(env.HomeDirectory);
        if (!UserConfigFile.IsSameFile(repoConfigFile, userFile) && RepoValue() is { } repoValue)
            results.Add(new("project configuration", CheckLevel.Warn, $"{ConfigKeys.Ignored(Key, ".claude/dm.json", userFile)} (it names {repoValue})"));

        string? configured;
        try { configured = TryReadCodexPath(userFile); }
        catch (InvalidOperationException ex)
        {
            results.Add(new(Name, CheckLevel.Fail, ex.Message + " (dispatch refuses to start until it is fixed)"));
            return results;
        }
        var source = configured is null ? "PATH" : $"{Key} in {userFile}";
        var exe = Locate(configured ?? "codex");
        if (exe is null)
        {
            results.Add(configured is null
                ? new(Name, CheckLevel.Warn, "not on PATH and no dispatch.codexPath in ~/.claude/dm.json (needed by the dispatch tool)")
                : new(Name, CheckLevel.Fail, $"{configured} ({source}) does not exist: dispatch cannot run codex"));
            return results;
        }
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(exe) & UnixFileMode.UserExecute) == 0)
        {
            results.Add(new(Name, CheckLevel.Fail, $"{exe} ({source}) is not executable"));
            return results;
        }
        var run = await ProcessRunner.RunAsync(new ProcessSpec(exe) { Arguments = ["--version"], TimeLimit = env.SmokeTimeout, StdoutLimitChars = 4096, StderrLimitChars = 4096 }, ct);
        var version = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        results.Add(run.Succeeded
            ? new(Name, CheckLevel.Ok, $"{exe} (from {source}){(version is null ? "" : ": " + Clip(version))}")
            : new(Name, CheckLevel.Fail, $"{exe} (from {source}) does not run: `--version` "
                + (run.Started ? run.TimedOut ? "timed out" : $"exited {run.ExitCode}" : "could not start: " + run.StartError)));
        return results;
    }

    /// <summary>The repository's value, which dispatch ignores; a malformed project file is reported by the other checks.</summary>
    private string? RepoValue()
    {
        try { return TryReadCodexPath(repoConfigFile); }
        catch (InvalidOperationException) { return null; }
    }

    /// <summary>The configured path (a path or a command name), or null when <paramref name="file"/> sets none.</summary>
    /// <exception cref="InvalidOperationException">The file is unreadable, not JSON, or the value is not a non-empty string.</exception>
    private static string? TryReadCodexPath(string file)
    {
        if (DmJsonSection.Read(file, "dispatch") is not { } dispatch || !dispatch.TryGetProperty("codexPath", out var value)) return null;
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s
            ? s : throw new InvalidOperationException($"{file}: {Key} must be a non-empty string.");
    }

    /// <summary>As dispatch finds it: a value with a slash is a path, else a name searched on PATH.</summary>
    private string? Locate(string configured)
    {
        if (configured.Contains('/') || configured.Contains('\\'))
        {
            var full = Path.IsPathRooted(configured) ? configured : Path.GetFullPath(configured, env.CurrentDirectory);
            return File.Exists(full) ? full : null;
        }
        foreach (var dir in (env.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, configured);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static string Clip(string s) => s.Length <= 80 ? s : s[..79] + "…";
}
