using DistributedModel.Core.Wiring;

namespace DistributedModel.Cli.Install;

/// <summary>
/// The layout of a binaries directory (the repo's <c>hooks/bin</c>, <c>~/.claude/dm/bin</c>, a plugin's <c>bin</c>, or a
/// <c>--hooks-from</c> source): the two hook executables at the top, the MCP server under <c>mcp/</c>, and the status line
/// executable at the top when there is one (required only where the status line is wired: <c>dm install --statusline</c>).
/// </summary>
public static class BinaryLayout
{
    public const string McpSubdir = "mcp";

    /// <summary>Marker listing the files we placed; a hook directory is ours to delete only if it holds this file.</summary>
    public const string ManifestFile = ".distributed-model-files";

    public static IReadOnlyList<string> HookExecutables { get; } = [WiringDefaults.PostToolUseExe, WiringDefaults.UserPromptSubmitExe];

    public static string McpExecutable => Path.Combine(McpSubdir, WiringDefaults.McpExe);

    /// <summary>The status line executable (optional: a directory without it is complete unless the status line is wired).</summary>
    public static string StatusLineExecutable => WiringDefaults.StatusLineExe;

    /// <summary>Relative paths that must exist in a complete binaries directory.</summary>
    public static IEnumerable<string> Required => [.. HookExecutables, McpExecutable];

    /// <summary>Every executable we place (the required ones and the status line): made executable, switched in last.</summary>
    public static IEnumerable<string> Executables => [.. Required, StatusLineExecutable];

    /// <summary>Throws <see cref="UsageException"/> naming what is missing; <paramref name="statusLine"/>: the status line executable too.</summary>
    public static void Validate(string dir, string what, bool statusLine = false)
    {
        if (!Directory.Exists(dir)) throw new UsageException($"{what} {dir} does not exist.");
        var needed = statusLine ? Executables : Required;
        var missing = needed.Where(r => !File.Exists(Path.Combine(dir, r))).ToList();
        if (missing.Count > 0)
            throw new UsageException($"{what} {dir} is incomplete: missing {string.Join(", ", missing)} " +
                $"(expected {string.Join(", ", HookExecutables)} and {McpExecutable}" +
                (statusLine ? $", and {StatusLineExecutable} for the status line" : "") + ").");
    }
}
