namespace DistributedModel.Mcp.Dispatch.Codex;

/// <summary>Finds the codex executable: an explicit path, or a command name searched on PATH.</summary>
public static class CodexLocator
{
    /// <summary>The full path of the executable, or null when it cannot be found.</summary>
    public static string? Find(string configured, string? pathVariable = null)
    {
        if (string.IsNullOrWhiteSpace(configured)) configured = "codex";
        if (configured.Contains('/') || configured.Contains('\\'))
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;

        var path = pathVariable ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in OperatingSystem.IsWindows() ? new[] { configured + ".cmd", configured + ".exe", configured } : [configured])
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
