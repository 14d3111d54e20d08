using DistributedModel.Core.Wiring;

namespace DistributedModel.Cli.Install;

/// <summary>
/// The layout of a binaries directory (the repo's <c>hooks/bin</c>, <c>~/.claude/dm/bin</c>, a plugin's <c>bin</c>, or a
/// <c>--hooks-from</c> source): the two hook executables at the top, the MCP server under <c>mcp/</c>.
/// </summary>
public static class BinaryLayout
{
    public const string McpSubdir = "mcp";

    /// <summary>Marker listing the files we placed; a hook directory is ours to delete only if it holds this file.</summary>
    public const string ManifestFile = ".distributed-model-files";

    public static IReadOnlyList<string> HookExecutables { get; } = [WiringDefaults.PostToolUseExe, WiringDefaults.UserPromptSubmitExe];

    public static string McpExecutable => Path.Combine(McpSubdir, WiringDefaults.McpExe);

    /// <summary>Relative paths that must exist in a complete binaries directory.</summary>
    public static IEnumerable<string> Required => [.. HookExecutables, McpExecutable];

    /// <summary>Throws <see cref="UsageException"/> naming what is missing.</summary>
    public static void Validate(string dir, string what)
    {
        if (!Directory.Exists(dir)) throw new UsageException($"{what} {dir} does not exist.");
        var missing = Required.Where(r => !File.Exists(Path.Combine(dir, r))).ToList();
        if (missing.Count > 0)
            throw new UsageException($"{what} {dir} is incomplete: missing {string.Join(", ", missing)} " +
                $"(expected {string.Join(", ", HookExecutables)} and {McpExecutable}).");
    }
}
