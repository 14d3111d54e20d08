using System.Text;
using DistributedModel.Cli.Json;
using DistributedModel.Core.Wiring;

namespace DistributedModel.Cli.Install;

/// <summary>
/// Keeps what <c>dm install</c> puts into a repository and what the hooks write there (binaries, install record, logs,
/// ledger, raw outputs) out of git: one marked block in <c>.git/info/exclude</c> (touches no tracked file, the default)
/// or in the repository's <c>.gitignore</c> (<c>--gitignore</c>, for teams who commit the wiring). Recorded in
/// <see cref="InstallState.Ignore"/> so uninstall removes exactly that block and nothing else.
/// </summary>
public static class IgnoreEntries
{
    public const string BeginLine = "# >>> distributed-model: built binaries and logs (dm uninstall removes this block)";
    public const string EndLine = "# <<< distributed-model";

    /// <summary>Repository-relative paths kept out of git.</summary>
    public static IReadOnlyList<string> Paths { get; } = [WiringDefaults.HookDir + "/", ".claude/dm/", ".claude/hooks.log"];

    /// <summary>The ignore file to use for <paramref name="root"/>, with the prefix that makes our patterns match there; null if not in a git work tree (and no --gitignore).</summary>
    public static (string File, string Prefix)? Locate(string root, bool gitignore)
    {
        if (gitignore) return (Path.Combine(root, ".gitignore"), "");
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            var gitDir = Directory.Exists(dotGit) ? dotGit : File.Exists(dotGit) ? GitDirFromFile(dotGit) : null;
            if (gitDir is null || !IsGitDirectory(gitDir)) continue;
            // A linked worktree (`.git` file) keeps info/exclude in the common directory, which git reads for every worktree.
            var common = File.Exists(Path.Combine(gitDir, "commondir"))
                ? Path.GetFullPath(File.ReadAllText(Path.Combine(gitDir, "commondir")).Trim(), gitDir)
                : gitDir;
            var prefix = Path.GetRelativePath(dir.FullName, root).Replace('\\', '/');
            return (Path.Combine(common, "info", "exclude"), prefix == "." ? "" : prefix + "/");
        }
        return null;
    }

    /// <summary>
    /// What git itself requires of a git directory (setup.c, <c>is_git_directory</c>): a <c>HEAD</c> file, and objects and
    /// refs, here or in the common directory of a linked worktree. A stray empty <c>.git</c> folder (say in <c>/tmp</c>) does
    /// not make every directory below it a work tree — install once wrote <c>/tmp/.git/info/exclude</c> because of one.
    /// </summary>
    private static bool IsGitDirectory(string gitDir) =>
        File.Exists(Path.Combine(gitDir, "HEAD"))
        && (Directory.Exists(Path.Combine(gitDir, "objects")) && Directory.Exists(Path.Combine(gitDir, "refs")) || File.Exists(Path.Combine(gitDir, "commondir")));

    /// <summary>A <c>.git</c> file (linked worktree, submodule) holds <c>gitdir: PATH</c>, relative to its own directory.</summary>
    private static string? GitDirFromFile(string dotGit)
    {
        var line = File.ReadLines(dotGit).FirstOrDefault() ?? "";
        const string key = "gitdir:";
        if (!line.StartsWith(key, StringComparison.Ordinal)) return null;
        var dir = Path.GetFullPath(line[key.Length..].Trim(), Path.GetDirectoryName(dotGit)!);
        return Directory.Exists(dir) ? dir : null;
    }

    /// <summary>The block as written (LF line endings).</summary>
    public static string Block(string prefix) =>
        BeginLine + "\n" + string.Concat(Paths.Select(p => "/" + prefix + p + "\n")) + EndLine + "\n";

    /// <summary>Appends the block unless the file already holds it. Returns what to record (null: the block was already there, nothing written).</summary>
    public static IgnoreRecord? Add(string file, string prefix)
    {
        var existed = File.Exists(file);
        var text = existed ? File.ReadAllText(file) : "";
        var block = Block(prefix);
        if (text.Contains(block, StringComparison.Ordinal)) return null;
        bool newline = text.Length > 0 && !text.EndsWith('\n');
        var dir = Path.GetDirectoryName(file)!;
        bool createdDir = !Directory.Exists(dir);
        JsonFile.WriteText(file, text + (newline ? "\n" : "") + block);
        return new IgnoreRecord(file, prefix, existed, newline, createdDir);
    }

    /// <summary>Throws if <see cref="Add"/> could not write the file (read-only, dangling link): call before any other work.</summary>
    public static void EnsureWritable(string file) => JsonFile.WriteTarget(file);

    /// <summary>Removes the block recorded by <see cref="Add"/>; the file ends up as it was. Returns false if the block is no longer there.</summary>
    public static bool Remove(IgnoreRecord record)
    {
        if (!File.Exists(record.File)) return false;
        var text = File.ReadAllText(record.File);
        var block = Block(record.Prefix);
        int at = text.IndexOf(block, StringComparison.Ordinal);
        if (at < 0) return false;
        var before = text[..at];
        var after = text[(at + block.Length)..];
        if (record.AddedNewline && after.Length == 0 && before.EndsWith('\n')) before = before[..^1];
        var rest = before + after;
        if (!record.Existed && rest.Length == 0)
        {
            File.Delete(record.File);
            var dir = Path.GetDirectoryName(record.File)!;
            if (record.CreatedDirectory && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
        }
        else
        {
            JsonFile.WriteBytes(record.File, new UTF8Encoding(false).GetBytes(rest));
        }
        return true;
    }
}

/// <summary>Where install wrote its ignore block and how to take it out again byte for byte.</summary>
public sealed record IgnoreRecord(string File, string Prefix, bool Existed, bool AddedNewline, bool CreatedDirectory);
