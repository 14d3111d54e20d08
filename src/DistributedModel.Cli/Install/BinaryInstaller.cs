namespace DistributedModel.Cli.Install;

/// <summary>
/// Copies a complete binaries directory into a target directory, recording what it placed in
/// <see cref="BinaryLayout.ManifestFile"/>; removes exactly those files again.
/// </summary>
public static class BinaryInstaller
{
    /// <summary>
    /// Copies files whose bytes differ, safely under running processes: every changed file is first written beside its
    /// target under a temporary name (<see cref="StagingSuffix"/>), then renamed over the old one. A running hook or
    /// <c>dm-mcp</c> keeps the inode it was started from (no "Text file busy", no rewritten pages under a live mapping),
    /// and the new set appears only after all of it was written: a failure while staging removes the staged files and
    /// leaves the old set whole. Files of the previous manifest that the new set no longer has are deleted last.
    /// Returns the number of files written.
    /// </summary>
    public static int CopyInto(string sourceDir, string targetDir)
    {
        BinaryLayout.Validate(sourceDir, "binaries directory");
        Directory.CreateDirectory(targetDir);
        var files = Files(sourceDir).ToList();
        var previous = ManifestEntries(targetDir);
        var staged = new List<(string Temp, string Target)>();
        try
        {
            foreach (var rel in files)
            {
                var src = Path.Combine(sourceDir, rel);
                var dst = Path.Combine(targetDir, rel);
                if (File.Exists(dst) && SameBytes(src, dst)) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(dst)!);
                var tmp = dst + StagingSuffix;
                File.Copy(src, tmp, overwrite: true);
                if (BinaryLayout.Executables.Contains(rel.Replace('\\', '/'))) MakeExecutable(tmp);
                staged.Add((tmp, dst));
            }
        }
        catch
        {
            foreach (var (tmp, _) in staged) File.Delete(tmp);
            throw;
        }
        // Switch: libraries first, entry points last, so a process started mid-switch finds a new executable only
        // beside its new libraries. Each rename is atomic and cannot fail on a busy file.
        foreach (var (tmp, dst) in staged.OrderBy(x => IsEntryPoint(targetDir, x.Target)))
            File.Move(tmp, dst, overwrite: true);
        foreach (var exe in BinaryLayout.Executables) MakeExecutable(Path.Combine(targetDir, exe));

        var names = files.Select(r => r.Replace('\\', '/')).ToList();
        foreach (var stale in previous.Except(names, StringComparer.Ordinal))
        {
            var full = Inside(targetDir, stale);
            if (full is not null && File.Exists(full)) File.Delete(full);
        }

        int written = staged.Count;
        var manifest = Path.Combine(targetDir, BinaryLayout.ManifestFile);
        var content = string.Join('\n', names.Order(StringComparer.Ordinal)) + "\n";
        if (!File.Exists(manifest) || File.ReadAllText(manifest) != content)
        {
            var tmp = manifest + StagingSuffix;
            File.WriteAllText(tmp, content);
            File.Move(tmp, manifest, overwrite: true);
            written++;
        }
        return written;
    }

    /// <summary>Suffix of a file staged beside its target during <see cref="CopyInto"/> (process id: two installs never share one).</summary>
    public static string StagingSuffix => $".dm-new-{Environment.ProcessId}";

    private static bool IsEntryPoint(string targetDir, string path) =>
        BinaryLayout.Executables.Any(r => Path.GetFullPath(Path.Combine(targetDir, r)) == Path.GetFullPath(path));

    private static List<string> ManifestEntries(string dir)
    {
        var manifest = Path.Combine(dir, BinaryLayout.ManifestFile);
        return File.Exists(manifest) ? File.ReadAllLines(manifest).Where(l => l.Length > 0).ToList() : [];
    }

    /// <summary>The full path of a manifest entry, or null if it would lie outside <paramref name="dir"/>.</summary>
    private static string? Inside(string dir, string rel)
    {
        var root = Path.GetFullPath(dir);
        var full = Path.GetFullPath(Path.Combine(root, rel));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
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
        foreach (var rel in ManifestEntries(dir))
        {
            var full = Inside(dir, rel); // never outside
            if (full is not null && File.Exists(full)) File.Delete(full);
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
            .Where(r => r != BinaryLayout.ManifestFile && !r.Contains(".dm-new-", StringComparison.Ordinal) && !r.EndsWith(".dbg", StringComparison.Ordinal) && !r.EndsWith(".pdb", StringComparison.Ordinal))
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
