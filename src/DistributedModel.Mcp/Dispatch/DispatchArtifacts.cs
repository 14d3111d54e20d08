namespace DistributedModel.Mcp.Dispatch;

/// <summary>
/// The files one dispatch leaves under <c>.claude/dm/dispatch/&lt;id&gt;/</c> for later reading: the brief, codex's raw
/// event stream and stderr, the full diff, each reviewer's full review, and the result text returned to the orchestrator.
/// </summary>
public sealed class DispatchArtifacts(string directory, string workspaceRoot)
{
    public const string BriefFile = "brief.md";
    public const string EventsFile = "codex-events.jsonl";
    public const string StderrFile = "codex-stderr.log";
    public const string DiffFile = "diff.patch";
    public const string PartialDiffFile = "partial.diff";
    public const string ResultFile = "result.md";

    public string Directory { get; } = directory;

    /// <summary>The folder relative to the workspace root, with '/' separators (as shown to the orchestrator).</summary>
    public string RelativeDirectory => Path.GetRelativePath(workspaceRoot, Directory).Replace('\\', '/') + "/";

    public string PathOf(string file) => Path.Combine(Directory, file);

    public static string ReviewFile(string reviewerName) => $"review-{reviewerName}.json";

    /// <summary>Names of the files present, in a stable order (brief first, result last).</summary>
    public IReadOnlyList<string> ExistingFiles()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        string[] order = [DiffFile, PartialDiffFile, EventsFile, StderrFile, BriefFile];
        var names = System.IO.Directory.EnumerateFiles(Directory).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return order.Where(names.Contains)
            .Concat(names.Where(n => n.StartsWith("review-", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            .ToList();
    }
}
