namespace DistributedModel.Mcp.Scaffold;

/// <summary>
/// Paths scaffold never writes unless the user lists the exact path in <c>mcp.scaffold.allowPaths</c>: files an agent or a
/// VCS reads as instructions or runs as code, so a cheap model's answer cannot turn into code execution on the next session,
/// commit or CI run. Matched case-insensitively (macOS file systems are) on the workspace-relative path and on the real one.
/// </summary>
internal static class ControlFiles
{
    /// <summary>Directories whose whole content is control: any path with one of these as a component.</summary>
    private static readonly string[] AnyDepthDirectories = [".git", ".claude", ".codex", ".husky"];

    /// <summary>Directories that are control at the workspace root.</summary>
    private static readonly string[] RootDirectories = [".github/workflows", ".vscode", ".devcontainer", ".githooks"];

    /// <summary>File names that are control at any depth (Claude Code reads CLAUDE.md files in subdirectories too).</summary>
    private static readonly string[] FileNames =
        ["CLAUDE.md", "CLAUDE.local.md", "AGENTS.md", ".mcp.json", ".envrc", ".gitmodules", ".gitattributes"];

    /// <summary>The one path no allow list unlocks: the configuration holding the allow list.</summary>
    public const string Configuration = ".claude/dm.json";

    /// <summary>Why <paramref name="relative"/> ('/'-separated, workspace-relative) is a control file, or null.</summary>
    public static string? Reason(string relative)
    {
        var segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return null;
        foreach (var dir in AnyDepthDirectories)
            if (segments.Any(s => s.Equals(dir, StringComparison.OrdinalIgnoreCase)))
                return $"inside {dir}/ (agent/VCS control)";
        foreach (var dir in RootDirectories)
            if (relative.StartsWith(dir + "/", StringComparison.OrdinalIgnoreCase)) return $"inside {dir}/ (runs as code)";
        if (FileNames.FirstOrDefault(n => n.Equals(segments[^1], StringComparison.OrdinalIgnoreCase)) is { } name)
            return $"{name} is read by agents or git as instructions";
        return null;
    }

    /// <summary>True when <paramref name="relative"/> may be written: not a control file, or allowed by exact path (never the configuration).</summary>
    public static bool Allowed(string relative, IReadOnlyCollection<string> allowPaths, out string reason)
    {
        reason = Reason(relative) ?? "";
        if (reason.Length == 0) return true;
        if (relative.Equals(Configuration, StringComparison.OrdinalIgnoreCase)) return false;
        return allowPaths.Contains(relative, StringComparer.Ordinal);
    }
}
