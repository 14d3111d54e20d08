namespace DistributedModel.Mcp.Dispatch.Git;

/// <summary>One file of a diffstat; <see cref="Added"/>/<see cref="Deleted"/> are null for binary files.</summary>
public sealed record DiffStatFile(string Path, int? Added, int? Deleted);

/// <summary>Per-file line counts between the base commit and the branch.</summary>
public sealed record DiffStat(IReadOnlyList<DiffStatFile> Files)
{
    public int Insertions => Files.Sum(f => f.Added ?? 0);
    public int Deletions => Files.Sum(f => f.Deleted ?? 0);

    public string Summary => $"{Files.Count} file{(Files.Count == 1 ? "" : "s")} changed, +{Insertions} -{Deletions}";

    /// <summary>Parses <c>git diff --numstat -z</c>-less plain <c>--numstat</c> output (tab-separated, renames as "a => b").</summary>
    public static DiffStat ParseNumstat(string numstat)
    {
        var files = new List<DiffStatFile>();
        foreach (var raw in numstat.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0) continue;
            var parts = line.Split('\t', 3);
            if (parts.Length < 3) continue;
            int? added = int.TryParse(parts[0], out var a) ? a : null;
            int? deleted = int.TryParse(parts[1], out var d) ? d : null;
            files.Add(new DiffStatFile(parts[2], added, deleted));
        }
        return new DiffStat(files);
    }
}
