using DistributedModel.Core.Runtime;

namespace DistributedModel.Hooks.Routing;

/// <summary>A file of the project a prompt points to: its path as the hint names it (relative to the root, <c>/</c>-separated) and its size.</summary>
public sealed record MentionedFile(string Path, long Bytes);

/// <summary>
/// Looks up the files a prompt mentions under the project root — names and sizes only, never contents. Bounded: at most
/// <see cref="MaxMentions"/> words are looked up (one <c>realpath</c> and one <c>stat</c> each), and a wildcard in the last
/// segment (<c>logs/*.log</c>) lists one directory, at most <see cref="MaxGlobEntries"/> entries, skipping links. Confined: a
/// mention counts only when its fully resolved real path (every symbolic link followed) is a regular file inside the real
/// project root; a link that leads out of the project is refused.
/// </summary>
public sealed class WorkspaceFileProbe
{
    public const int MaxMentions = 8;
    public const int MaxGlobEntries = 256;
    public const int MaxFiles = 4;

    private readonly string? _realRoot;

    public WorkspaceFileProbe(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
        _realRoot = Libc.RealPath(Root);
    }

    public string Root { get; }

    /// <summary>The existing regular files the words of <paramref name="mentions"/> name, at most <see cref="MaxFiles"/>.</summary>
    public IReadOnlyList<MentionedFile> Find(IReadOnlyList<string> mentions)
    {
        var files = new List<MentionedFile>();
        if (_realRoot is null) return files;
        foreach (var mention in mentions.Take(MaxMentions))
        {
            if (files.Count >= MaxFiles) break;
            if (mention.Contains('*')) Glob(mention, files);
            else if (Resolve(mention) is { } file && !files.Contains(file)) files.Add(file);
        }
        return files;
    }

    private MentionedFile? Resolve(string mention)
    {
        var full = Path.IsPathRooted(mention) ? mention : Path.Combine(Root, mention);
        var real = Libc.RealPath(full);
        if (real is null || !IsInside(real)) return null;
        var info = new FileInfo(real);
        // FileInfo of a resolved path: no link left; Exists is false for directories; a FIFO or device has length 0.
        if (!info.Exists || (info.Attributes & FileAttributes.Directory) != 0) return null;
        return new MentionedFile(Relative(full), info.Length);
    }

    private void Glob(string mention, List<MentionedFile> files)
    {
        int slash = mention.LastIndexOf('/');
        string dirPart = slash < 0 ? "" : mention[..slash];
        string pattern = mention[(slash + 1)..];
        if (dirPart.Contains('*') || pattern.Length == 0) return;
        var dir = dirPart.Length == 0 ? Root : Path.IsPathRooted(dirPart) ? dirPart : Path.Combine(Root, dirPart);
        var realDir = Libc.RealPath(dir);
        if (realDir is null || !IsInside(realDir) && realDir != _realRoot || !Directory.Exists(realDir)) return;
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false, MatchType = MatchType.Simple, MatchCasing = MatchCasing.CaseSensitive,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Directory, IgnoreInaccessible = true,
        };
        int seen = 0;
        foreach (var entry in new DirectoryInfo(realDir).EnumerateFiles(pattern, options))
        {
            if (++seen > MaxGlobEntries || files.Count >= MaxFiles) break;
            var file = new MentionedFile(Relative(Path.Combine(dir, entry.Name)), entry.Length);
            if (!files.Contains(file)) files.Add(file);
        }
    }

    private bool IsInside(string real) =>
        real.Length > _realRoot!.Length && real.StartsWith(_realRoot, StringComparison.Ordinal) && real[_realRoot.Length] == '/'
        || _realRoot == "/" && real.Length > 1;

    private string Relative(string full) => Path.GetRelativePath(Root, Path.GetFullPath(full)).Replace('\\', '/');
}
