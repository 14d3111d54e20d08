namespace DistributedModel.Cli.Discover;

/// <summary>One session's tool results and routing hits: replayed (<see cref="Results"/>) when it ran without Distributed
/// Model, read back (<see cref="DmCalls"/>) when it ran with it.</summary>
public sealed class SessionFindings
{
    public required SessionTranscript Transcript { get; init; }

    /// <summary>Results of Bash, Read, Grep and MCP tools (the ones the PostToolUse hook is wired for), replayed; empty when
    /// the session ran with dm (replaying a digest would only measure compressing it twice).</summary>
    public List<ToolResultFinding> Results { get; } = [];

    /// <summary>Other tools' results (Edit, Write, Task…): counted, not compressed.</summary>
    public int OtherToolResults { get; set; }

    /// <summary>Prompts where the routing hint would have fired, per lane.</summary>
    public Dictionary<string, int> LaneHits { get; } = new(StringComparer.Ordinal);

    public int PromptsRouted { get; set; }

    public long ContextBefore => Results.Sum(r => r.ContextBefore);

    public long ContextAfter => Results.Sum(r => r.ContextAfter);

    public int Previews => Results.Count(r => r.WasPreview);

    public int Surfaced => Results.Sum(x => x.Surfaced);

    public int SurfacedErrors => Results.Sum(x => x.SurfacedErrors);

    public int SurfacedWarnings => Results.Sum(x => x.SurfacedWarnings);

    public int Lost => Results.Sum(x => x.Lost);

    /// <summary>The same tools' results when the session ran with dm: what the hook did to each.</summary>
    public List<DmCallFinding> DmCalls { get; } = [];

    /// <summary>Our digest header is in a tool_result, or the hook logged a line for one of the calls.</summary>
    public bool RanWithDm => DmCalls.Count > 0;

    public DmRun Dm => new(DmCalls);
}
