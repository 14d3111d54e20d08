using System.Text.Json.Serialization;

namespace DistributedModel.Mcp.Dispatch.Codex;

/// <summary>One line of <c>.claude/dm/ledger.jsonl</c> for a codex run (the shared ledger schema, provider <c>codex</c>).</summary>
public sealed record CodexLedgerRecord(
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
