using System.Globalization;
using System.IO.Enumeration;
using System.Text;
using DistributedModel.Core.Workspace;

namespace DistributedModel.Hooks.ToolOutput;

/// <summary>
/// <c>.claude/dm/raw/</c>: the full output of every tool call the hook shortened, so nothing is lost — the compression
/// marker names the file and the model can Read it. File name: <c>20261123T070000.123Z-Bash-3f2a9c1d0b7e.txt</c>
/// (UTC time, tool, content hash). Retention keeps the newest <see cref="MaxFiles"/> files and at most
/// <see cref="MaxTotalBytes"/> bytes. A repeated output is stored again under its new time: reusing the first file's name
/// would hand the model a marker naming the oldest file, the first one retention deletes.
/// Inside a project (<see cref="RawOutputStore(WorkspacePaths)"/>) the folder is made with
/// <see cref="WorkspacePaths.PrepareWrite"/>: a committed <c>.claude/dm -> elsewhere</c> link is refused.
/// </summary>
public sealed class RawOutputStore
{
    public const int DefaultMaxFiles = 200;
    public const long DefaultMaxTotalBytes = 200L * 1024 * 1024;
    private const string Extension = ".txt";

    public RawOutputStore(string directory, int maxFiles = DefaultMaxFiles, long maxTotalBytes = DefaultMaxTotalBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        MaxFiles = maxFiles;
        MaxTotalBytes = maxTotalBytes;
    }

    /// <summary>The store of a project: <c>.claude/dm/raw/</c>, confined to the project's real folders.</summary>
    public RawOutputStore(WorkspacePaths workspace) : this(workspace?.RawDir ?? throw new ArgumentNullException(nameof(workspace))) =>
        _workspace = workspace;

    private readonly WorkspacePaths? _workspace;

    public string Directory { get; }

    public int MaxFiles { get; }

    public long MaxTotalBytes { get; }

    /// <summary>
    /// The path a raw output will have. Nothing is written: the hook needs the path for the marker before it knows
    /// whether anything gets elided.
    /// </summary>
    public string PlanPath(DateTimeOffset now, string tool, string hash)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(hash);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture);
        return Path.Combine(Directory, $"{stamp}-{SafeToolName(tool)}-{hash}{Extension}");
    }

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> (from <see cref="PlanPath"/>) unless it exists,
    /// atomically (temp file + rename). Retention is the caller's next step (<see cref="ApplyRetention(IReadOnlySet{string})"/>,
    /// once per hook call, keeping every file the call names). Throws IOException/UnauthorizedAccessException when the
    /// directory is not writable: the caller must then fail open, because the header would name a missing file.
    /// </summary>
    public void Save(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        if (File.Exists(path)) return;
        if (_workspace is not null) _workspace.PrepareWrite(path);
        else System.IO.Directory.CreateDirectory(Directory);
        var tmp = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        try
        {
            // CreateNew (O_EXCL): never writes through a link that happens to have the temporary name; the rename then
            // replaces whatever entry has the final name, a link included, without following it.
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
                stream.Write(new UTF8Encoding(false).GetBytes(text));
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) TryDelete(tmp);
        }
    }

    /// <summary>The newest stored file with this content hash, or null (read-only: <c>dm discover</c> names the file the
    /// real hook wrote; the hook itself always stores a repeat anew, see the class remarks).</summary>
    public string? FindNewest(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (!System.IO.Directory.Exists(Directory)) return null;
        return System.IO.Directory.EnumerateFiles(Directory, "*-" + hash + Extension).Max(StringComparer.Ordinal);
    }

    /// <summary>As <see cref="ApplyRetention(IReadOnlySet{string})"/> keeping one file (or none).</summary>
    public void ApplyRetention(string? keep = null) =>
        ApplyRetention(keep is null ? new HashSet<string>() : new HashSet<string>(StringComparer.Ordinal) { keep });

    /// <summary>Deletes the oldest files (by name, which starts with the UTC time) until both limits hold; never deletes a
    /// file in <paramref name="keep"/> (the files the current call names), even when they alone exceed the limits.</summary>
    /// <remarks>Names and sizes come straight from the directory entries: no FileInfo (and its extra system calls) per file.</remarks>
    public void ApplyRetention(IReadOnlySet<string> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        if (!System.IO.Directory.Exists(Directory)) return;
        var keepPaths = keep.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var files = new FileSystemEnumerable<(string Name, string Path, long Length)>(Directory,
            static (ref FileSystemEntry e) => (e.FileName.ToString(), e.ToFullPath(), e.Length),
            new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = true })
        {
            ShouldIncludePredicate = static (ref FileSystemEntry e) => !e.IsDirectory && e.FileName.EndsWith(Extension, StringComparison.Ordinal),
        }.ToArray();
        Array.Sort(files, static (a, b) => string.CompareOrdinal(b.Name, a.Name)); // newest first
        long total = 0;
        for (int i = 0; i < files.Length; i++)
        {
            total += files[i].Length;
            bool isKept = keepPaths.Contains(files[i].Path);
            if (!isKept && (i >= MaxFiles || total > MaxTotalBytes)) TryDelete(files[i].Path);
        }
    }

    /// <summary>Tool names become file-name safe: <c>mcp__srv__tool</c> stays, anything outside [A-Za-z0-9_.-] becomes '_'.</summary>
    internal static string SafeToolName(string tool)
    {
        if (tool.Length == 0) return "tool";
        var sb = new StringBuilder(Math.Min(tool.Length, 64));
        foreach (var c in tool.AsSpan(0, Math.Min(tool.Length, 64)))
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_');
        return sb.ToString();
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
