using DistributedModel.Core.Workspace;

namespace DistributedModel.Mcp.Hosting;

/// <summary>The workspace root: <c>--workspace &lt;dir&gt;</c>, else <c>CLAUDE_PROJECT_DIR</c>, else the current directory.</summary>
public static class WorkspaceArgument
{
    public static WorkspacePaths Resolve(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--workspace" && i + 1 < args.Count) return Checked(args[i + 1]);
            if (args[i].StartsWith("--workspace=", StringComparison.Ordinal)) return Checked(args[i]["--workspace=".Length..]);
        }
        return WorkspacePaths.Resolve();
    }

    /// <summary><paramref name="args"/> without the workspace option (the rest goes to the host's configuration).</summary>
    public static string[] Strip(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--workspace") { i++; continue; }
            if (args[i].StartsWith("--workspace=", StringComparison.Ordinal)) continue;
            rest.Add(args[i]);
        }
        return [.. rest];
    }

    private static WorkspacePaths Checked(string dir)
    {
        if (!Directory.Exists(dir)) throw new InvalidOperationException($"--workspace {dir}: no such directory");
        return new WorkspacePaths(dir);
    }
}
