using System.Text.Json.Serialization;

namespace DistributedModel.Mcp.Dispatch;

/// <summary>One line of <c>.claude/dm/ledger.jsonl</c> (the shared ledger schema) written by dispatch: codex runs and direct Ollama reviews.</summary>
public sealed record LedgerRecord(
    [property: JsonPropertyName("ts")] string Ts,
    [property: JsonPropertyName("lane")] string Lane,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("in")] long In,
    [property: JsonPropertyName("out")] long Out,
    [property: JsonPropertyName("reasoning")] long Reasoning,
    [property: JsonPropertyName("cached")] long Cached,
    [property: JsonPropertyName("cost_usd")] decimal CostUsd,
    [property: JsonPropertyName("baseline_usd")] decimal BaselineUsd,
    [property: JsonPropertyName("ms")] long Ms,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("fallback_from")] string? FallbackFrom,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("error")] string? Error);
