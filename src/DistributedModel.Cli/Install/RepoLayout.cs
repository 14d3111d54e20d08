using DistributedModel.Core.Wiring;
using DistributedModel.Core.Workspace;

namespace DistributedModel.Cli.Install;

/// <summary>Where install puts things inside a repository.</summary>
public sealed class RepoLayout(string root)
{
    public WorkspacePaths Paths { get; } = new(root);
    public string Root => Paths.Root;
    public string SettingsFile => Path.Combine(Paths.ClaudeDir, "settings.json");
    public string McpFile => Path.Combine(Root, ".mcp.json");
    public string HookDir => Path.Combine(Root, WiringDefaults.HookDir);
    public string StateFile => Path.Combine(Paths.DmDir, "install.json");

    public const string SettingsKey = ".claude/settings.json";
    public const string McpKey = ".mcp.json";

    /// <summary>Directories install may create, outermost first (relative to the root).</summary>
    public static IReadOnlyList<string> CreatableDirectories { get; } = [".claude", "hooks", WiringDefaults.HookDir];
}
