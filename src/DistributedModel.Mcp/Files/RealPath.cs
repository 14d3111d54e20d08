namespace DistributedModel.Mcp.Files;

/// <summary>Resolves every symbolic link along a path (like realpath(3)); components that do not exist yet are kept as written.</summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    public static string Resolve(string path) => Resolve(Path.GetFullPath(path), 0);

    private static string Resolve(string full, int depth)
    {
        if (depth > MaxLinks) throw new IOException($"too many levels of symbolic links resolving {full}");
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                var targetFull = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                next = Resolve(Path.GetFullPath(targetFull), depth + 1);
            }
            current = next;
        }
        return current;
    }
}
