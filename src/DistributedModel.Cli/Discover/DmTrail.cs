using DistributedModel.Core.Workspace;

namespace DistributedModel.Cli.Discover;

/// <summary>What the hooks left in one repository that discover can read back: the <c>.claude/hooks.log</c> lines and the
/// sizes of the raw outputs under <c>.claude/dm/raw/</c>. Read-only.</summary>
public sealed class DmTrail
{
    private readonly string _rawDir;

    private DmTrail(WorkspacePaths paths)
    {
        _rawDir = paths.RawDir;
        Log = HooksLogIndex.Read(paths.HooksLog);
    }

    public HooksLogIndex Log { get; }

    public static DmTrail For(string repoRoot) => new(new WorkspacePaths(repoRoot));

    /// <summary>Bytes of the raw output a digest header names, when that file is still in this repository's raw store
    /// (only a file of that name in <c>.claude/dm/raw/</c> is looked at, wherever the header points).</summary>
    public long? RawSize(string? namedPath)
    {
        if (namedPath is null) return null;
        var name = Path.GetFileName(namedPath.Replace('\\', '/'));
        if (string.IsNullOrEmpty(name) || name is "." or "..") return null;
        var file = new FileInfo(Path.Combine(_rawDir, name));
        return file.Exists && file.LinkTarget is null ? file.Length : null;
    }
}
