namespace DistributedModel.Testing;

/// <summary>Locates the repository and the end-to-end tools from a test's output directory.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DistributedModel.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("DistributedModel.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder holding DistributedModel.sln).</summary>
    public static string Root => RootLazy.Value;

    /// <summary><c>tests/e2e-tools</c>: npm packages (Claude Code, Codex, MCP SDK) installed by the build of DistributedModel.Testing.</summary>
    public static string E2eTools => Path.Combine(Root, "tests", "e2e-tools");

    /// <summary>Path of an npm-installed CLI (e.g. <c>claude</c>, <c>codex</c>); throws with a clear message if missing.</summary>
    public static string NpmBin(string name)
    {
        var path = Path.Combine(E2eTools, "node_modules", ".bin", name);
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing: run `npm ci` in tests/e2e-tools (the DistributedModel.Testing build does this).");
        return path;
    }
}
