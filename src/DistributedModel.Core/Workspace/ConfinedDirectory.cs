namespace DistributedModel.Core.Workspace;

/// <summary>
/// Creates the folders Distributed Model writes into (<c>.claude/</c>, <c>.claude/dm/…</c>, <c>audits/</c>) so that a
/// write lands inside the project and nowhere else: a repository can commit a symbolic link such as
/// <c>.claude/dm -> ~/.ssh</c> or <c>audits -> /etc</c>, and <see cref="Directory.CreateDirectory(string)"/> would follow it.
/// Every component from the root (exclusive, it is the user's own choice) down to the folder must be a real directory
/// or absent; an absent one is created.
/// </summary>
public static class ConfinedDirectory
{
    /// <summary>Ensures <paramref name="directory"/> exists as a real directory under <paramref name="root"/>.</summary>
    /// <exception cref="UnsafeWorkspacePathException">A component is a symbolic link or not a directory, or the folder is
    /// outside <paramref name="root"/>.</exception>
    public static void Ensure(string root, string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (full.Length == fullRoot.Length && string.Equals(full, fullRoot, StringComparison.Ordinal)) return;
        if (!full.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new UnsafeWorkspacePathException(directory, $"{directory} is outside {fullRoot}");

        var current = fullRoot;
        foreach (var part in full[(fullRoot.Length + 1)..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileAttributes attributes;
            try
            {
                attributes = File.GetAttributes(current); // lstat: a symbolic link reports ReparsePoint, whatever it points at
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                Directory.CreateDirectory(current); // its parent is a verified real directory, so this creates exactly one
                continue;
            }
            if ((attributes & FileAttributes.ReparsePoint) != 0)
                throw new UnsafeWorkspacePathException(current,
                    $"{current} is a symbolic link: Distributed Model writes only into real folders of the project (remove the link)");
            if ((attributes & FileAttributes.Directory) == 0)
                throw new UnsafeWorkspacePathException(current, $"{current} is not a folder");
        }
    }
}
