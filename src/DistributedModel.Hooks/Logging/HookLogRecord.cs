using System.Text.Json.Serialization;

namespace DistributedModel.Hooks.Logging;

/// <summary>
/// One line of <c>.claude/hooks.log</c> (JSON Lines). Field names are short and stable:
/// <c>dm report</c> reads them.
/// <code>{"ts":"2026-11-23T07:00:00.123Z","event":"PostToolUse","tool":"Bash","in":204800,"out":5120,"ms":3.2,"outcome":"compressed"}</code>
/// <c>outcome</c> is <c>compressed</c>, <c>passthrough</c>, <c>injected</c> (UserPromptSubmit added guidance),
/// or <c>failopen:&lt;reason&gt;</c>. Optional <c>detail</c> says more (never prompt or output text).
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
}
