namespace DistributedModel.Cli.Install;

/// <summary>
/// Copies a complete binaries directory into a target directory, recording what it placed in
/// <see cref="BinaryLayout.ManifestFile"/>; removes exactly those files again.
/// </summary>
public static class BinaryInstaller
{
    /// <summary>Copies files whose bytes differ. Returns the number of files written.</summary>
    public static int CopyInto(string sourceDir, string targetDir)
    {
        BinaryLayout.Validate(sourceDir, "binaries directory");
        Directory.CreateDirectory(targetDir);
        var files = new List<string>();
        int written = 0;
        foreach (var rel in Files(sourceDir))
        {
            var src = Path.Combine(sourceDir, rel);
            var dst = Path.Combine(targetDir, rel);
            files.Add(rel.Replace('\\', '/'));
            if (File.Exists(dst) && SameBytes(src, dst)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(dst)!);
            File.Copy(src, dst, overwrite: true);
            written++;
        }
        foreach (var exe in BinaryLayout.Required) MakeExecutable(Path.Combine(targetDir, exe));

        var manifest = Path.Combine(targetDir, BinaryLayout.ManifestFile);
        var content = string.Join('\n', files.Order(StringComparer.Ordinal)) + "\n";
        if (!File.Exists(manifest) || File.ReadAllText(manifest) != content)
        {
            File.WriteAllText(manifest, content);
            written++;
        }
        return written;
    }

    /// <summary>True if the directory holds our manifest.</summary>
    public static bool IsOurs(string dir) => File.Exists(Path.Combine(dir, BinaryLayout.ManifestFile));

    /// <summary>
    /// Deletes the files listed in the manifest, the manifest, and then every directory left empty (the directory itself included).
    /// Files we did not place stay. Returns the files the user added that were kept.
    /// </summary>
    public static IReadOnlyList<string> Remove(string dir)
    {
        if (!IsOurs(dir)) return [];
        var manifest = Path.Combine(dir, BinaryLayout.ManifestFile);
        var root = Path.GetFullPath(dir);
        foreach (var rel in File.ReadAllLines(manifest).Where(l => l.Length > 0))
        {
            var full = Path.GetFullPath(Path.Combine(root, rel));
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue; // never outside
            if (File.Exists(full)) File.Delete(full);
        }
        File.Delete(manifest);
        var kept = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f)).ToList();
        DeleteEmptyDirectories(dir);
        return kept;
    }

    public static void DeleteEmptyDirectories(string dir)
    {
        if (!Directory.Exists(dir)) return;
        foreach (var sub in Directory.EnumerateDirectories(dir)) DeleteEmptyDirectories(sub);
        if (!Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
    }

    private static IEnumerable<string> Files(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f))
            .Where(r => r != BinaryLayout.ManifestFile && !r.EndsWith(".dbg", StringComparison.Ordinal) && !r.EndsWith(".pdb", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static bool SameBytes(string a, string b)
    {
        var fa = new FileInfo(a);
        var fb = new FileInfo(b);
        if (fa.Length != fb.Length) return false;
        return File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
    }

    private static void MakeExecutable(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return;
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode exec = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & exec) != exec) File.SetUnixFileMode(path, mode | exec | UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }
}
