namespace DistributedModel.Cli.Discover;

/// <summary>What <see cref="TranscriptReader"/> got out of one <c>&lt;session-id&gt;.jsonl</c>.</summary>
public sealed class SessionTranscript
{
    public required string SessionId { get; init; }

    /// <summary>The transcript file.</summary>
    public required string File { get; init; }

    /// <summary>The session's <c>tool-results/</c> directory (Claude Code's persisted large outputs); may not exist.</summary>
    public required string ToolResultsDir { get; init; }

    public List<TranscriptToolCall> ToolCalls { get; } = [];

    /// <summary>Prompts the user typed (what UserPromptSubmit would have seen), in order.</summary>
    public List<string> Prompts { get; } = [];

    /// <summary>Records per <c>type</c> value (known and unknown).</summary>
    public Dictionary<string, int> RecordTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Records whose <c>type</c> this reader does not know: counted and skipped.</summary>
    public Dictionary<string, int> UnknownTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines that are not a JSON object (typically a truncated last line while Claude Code was writing).</summary>
    public int UnreadableLines { get; set; }

    /// <summary>tool_result blocks whose tool_use was never seen (e.g. the assistant record was damaged).</summary>
    public int OrphanResults { get; set; }

    public DateTimeOffset? First { get; set; }

    public DateTimeOffset? Last { get; set; }

    /// <summary>The working directory Claude Code recorded (<c>cwd</c> of the first record that has one).</summary>
    public string? Cwd { get; set; }
}
