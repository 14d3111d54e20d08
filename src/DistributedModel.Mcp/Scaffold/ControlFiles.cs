namespace DistributedModel.Mcp.Scaffold;

/// <summary>
/// Paths scaffold never writes unless the user lists the exact path in <c>mcp.scaffold.allowPaths</c>: files an agent or a
/// VCS reads as instructions or runs as code, so a cheap model's answer cannot turn into code execution on the next session,
/// commit or CI run. Matched case-insensitively (macOS file systems are) on the workspace-relative path and on the real one.
/// </summary>
internal static class ControlFiles
{
    /// <summary>Directories whose whole content is control: any path with one of these as a component (VCS and git hooks,
    /// agents' settings and rules — Claude Code, Codex, Cursor, Gemini CLI, Claude plugins — and editors' task and launch
    /// configurations, which run commands: VS Code reads nested <c>.vscode/</c> folders of multi-root workspaces).</summary>
    internal static readonly string[] AnyDepthDirectories =
        [".git", ".claude", ".codex", ".husky", ".vscode", ".cursor", ".gemini", ".claude-plugin", ".idea"];

    /// <summary>Directories that are control at the workspace root: CI definitions and the actions they run.</summary>
    internal static readonly string[] RootDirectories =
        [".github/workflows", ".github/actions", ".github/instructions", ".devcontainer", ".githooks", ".circleci", ".gitlab"];

    /// <summary>Files that are control at the workspace root (CI pipelines, an agent's instructions by path).</summary>
    internal static readonly string[] RootFiles = [".gitlab-ci.yml", ".github/copilot-instructions.md", ".travis.yml", "azure-pipelines.yml"];

    /// <summary>File names that are control at any depth: agents' instruction files (Claude Code reads CLAUDE.md in
    /// subdirectories too), git and hook-manager configuration, environment loaders.</summary>
    internal static readonly string[] FileNames =
    [
        "CLAUDE.md", "CLAUDE.local.md", "AGENTS.md", "GEMINI.md", ".cursorrules", ".windsurfrules", ".mcp.json", ".envrc",
        ".gitmodules", ".gitattributes", ".pre-commit-config.yaml", "lefthook.yml", ".lefthook.yml", "lefthook-local.yml",
    ];

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
        foreach (var file in RootFiles)
            if (relative.Equals(file, StringComparison.OrdinalIgnoreCase)) return $"{file} runs as code or is read as instructions";
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
