using System.Text.Json.Serialization;

namespace DistributedModel.Core.Logging;

/// <summary>
/// One line of <c>.claude/hooks.log</c> (JSON Lines). Field names are short and stable:
/// <c>dm report</c> reads them.
/// <code>{"ts":"2026-11-23T07:00:00.123Z","event":"PostToolUse","tool":"Bash","in":204800,"out":5120,"ms":3.2,"outcome":"compressed"}</code>
/// <c>outcome</c> is <c>compressed</c>, <c>passthrough</c>, <c>injected</c> (UserPromptSubmit added guidance),
/// or <c>failopen:&lt;reason&gt;</c>. Optional <c>detail</c> says more (never prompt or output text). PostToolUse lines
/// also carry <c>errors</c>, <c>warnings</c>, <c>surfaced</c> (split in <c>surfacedErrors</c> and <c>surfacedWarnings</c>), <c>limit</c> and <c>overLimit</c>.
/// </summary>
public sealed record HookLogRecord
{
    [JsonPropertyName("ts")][JsonConverter(typeof(UtcMillisecondsConverter))] public required DateTimeOffset Timestamp { get; init; }
    [JsonPropertyName("event")] public required string Event { get; init; }
    [JsonPropertyName("tool")] public string? Tool { get; init; }
    [JsonPropertyName("in")] public long InputBytes { get; init; }
    [JsonPropertyName("out")] public long OutputBytes { get; init; }
    [JsonPropertyName("ms")] public double ElapsedMs { get; init; }
    [JsonPropertyName("outcome")] public required string Outcome { get; init; }
    [JsonPropertyName("detail")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Detail { get; init; }
    /// <summary>PostToolUse: error lines in what went on to the model.</summary>
    [JsonPropertyName("errors")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Errors { get; init; }
    /// <summary>PostToolUse: warning lines in what went on to the model.</summary>
    [JsonPropertyName("warnings")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Warnings { get; init; }
    /// <summary>PostToolUse: of those, the ones Claude Code's 2 KB preview would have hidden.</summary>
    [JsonPropertyName("surfaced")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Surfaced { get; init; }
    /// <summary>PostToolUse: of <see cref="Surfaced"/>, the error lines (absent on lines written before issue 30.4).</summary>
    [JsonPropertyName("surfacedErrors")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? SurfacedErrors { get; init; }
    /// <summary>PostToolUse: of <see cref="Surfaced"/>, the warning lines (absent on lines written before issue 30.4).</summary>
    [JsonPropertyName("surfacedWarnings")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? SurfacedWarnings { get; init; }
    /// <summary>PostToolUse: the tool's output limit in characters (what <c>dm report</c>'s honest baseline uses).</summary>
    [JsonPropertyName("limit")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Limit { get; init; }
    /// <summary>PostToolUse: true when what went on is over the limit (Claude Code would persist it again; never expected).</summary>
    [JsonPropertyName("overLimit")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? OverLimit { get; init; }
}
