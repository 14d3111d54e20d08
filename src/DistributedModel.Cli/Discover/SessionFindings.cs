namespace DistributedModel.Cli.Discover;

/// <summary>One session's tool results and routing hits.</summary>
public sealed class SessionFindings
{
    public required SessionTranscript Transcript { get; init; }

    /// <summary>Results of Bash, Read, Grep and MCP tools (the ones the PostToolUse hook is wired for).</summary>
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

    public int Lost => Results.Sum(x => x.Lost);
}
