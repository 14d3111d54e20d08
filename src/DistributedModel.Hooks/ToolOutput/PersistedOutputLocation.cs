using DistributedModel.Hooks.Runtime;
using DistributedModel.Core.Runtime;

namespace DistributedModel.Hooks.ToolOutput;

/// <summary>
/// Where Claude Code's persisted output may be read from: its own configuration directory (<c>$CLAUDE_CONFIG_DIR</c>, or
/// <c>~/.claude</c>, where it keeps <c>projects/&lt;slug&gt;/&lt;session&gt;/tool-results/</c>), the folder of the session's
/// transcript, or the project. The check runs on the fully resolved path (realpath: every link followed), so a
/// <c>persistedOutputPath</c> naming <c>/etc/shadow</c> — directly, through <c>..</c> or through a symlink — is refused.
/// </summary>
public static class PersistedOutputLocation
{
    /// <summary>The resolved path when it lies under an allowed root; throws <see cref="FailOpenException"/> (<c>persisted-outside</c>) otherwise.</summary>
    public static string Resolve(string path, string workspaceRoot, string? transcriptPath, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        environment ??= Environment.GetEnvironmentVariable;
        var real = RealPathOf(path) ?? throw new FailOpenException("persisted-unreadable", "file not found");
        foreach (var root in Roots(workspaceRoot, transcriptPath, environment))
        {
            var realRoot = RealPathOf(root);
            if (realRoot is not null && IsUnder(real, realRoot)) return real;
        }
        throw new FailOpenException("persisted-outside", "persistedOutputPath is outside Claude Code's directories and the project");
    }

    private static IEnumerable<string> Roots(string workspaceRoot, string? transcriptPath, Func<string, string?> environment)
    {
        yield return workspaceRoot;
        if (environment("CLAUDE_CONFIG_DIR") is { Length: > 0 } config) yield return config;
        if (environment("HOME") is { Length: > 0 } home) yield return Path.Combine(home, ".claude");
        if (transcriptPath is { Length: > 0 } && Path.GetDirectoryName(transcriptPath) is { Length: > 1 } sessionDir) yield return sessionDir;
    }

    private static string? RealPathOf(string path) =>
        OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? Libc.RealPath(path) : File.Exists(path) || Directory.Exists(path) ? Path.GetFullPath(path) : null;

    private static bool IsUnder(string path, string root)
    {
        var r = root.TrimEnd(Path.DirectorySeparatorChar);
        return path.Length > r.Length && path.StartsWith(r, StringComparison.Ordinal) && path[r.Length] == Path.DirectorySeparatorChar;
    }
}
