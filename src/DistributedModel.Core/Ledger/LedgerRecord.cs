using System.Text.Json.Serialization;

namespace DistributedModel.Core.Ledger;

/// <summary>
/// One line of <c>.claude/dm/ledger.jsonl</c>: one provider call (or refusal). Never a key, never a prompt.
/// <c>outcome</c>: <c>ok</c> | <c>error</c> | <c>refused</c> | <c>degraded</c> (no model answered; a deterministic substitute was returned);
/// <c>error: truncated</c> marks a cut answer; <c>error</c> holds the error class; <c>detail</c> a short, redacted reason.
/// </summary>
public sealed record LedgerRecord
{
    [JsonPropertyName("ts")] public required string Ts { get; init; }
    [JsonPropertyName("lane")] public required string Lane { get; init; }
    [JsonPropertyName("provider")] public required string Provider { get; init; }
    [JsonPropertyName("model")] public string? Model { get; init; }
    [JsonPropertyName("in")] public long In { get; init; }
    [JsonPropertyName("out")] public long Out { get; init; }
    [JsonPropertyName("reasoning")] public long Reasoning { get; init; }
    [JsonPropertyName("cached")] public long Cached { get; init; }
    [JsonPropertyName("cache_write")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public long CacheWrite { get; init; }
    /// <summary>Null when the model has no price (<see cref="Unpriced"/>), never a silent 0.</summary>
    [JsonPropertyName("cost_usd")] public decimal? CostUsd { get; init; }
    /// <summary>True when the model answered but has no price in the table or dm.json <c>prices</c>.</summary>
    [JsonPropertyName("unpriced")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Unpriced { get; init; }
    /// <summary>True when the model ran locally (Ollama): its <c>cost_usd</c> of 0 is zero by rule, not a price.</summary>
    [JsonPropertyName("local")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Local { get; init; }
    /// <summary>The cost of this call is unknown, not 0: <c>unpriced: true</c>, or no <c>cost_usd</c> at all. The one rule
    /// the report and the status line count unpriced calls by.</summary>
    [JsonIgnore] public bool IsUnpriced => Unpriced == true || CostUsd is null;
    [JsonPropertyName("baseline_usd")] public decimal BaselineUsd { get; init; }
    [JsonPropertyName("ms")] public double Ms { get; init; }
    [JsonPropertyName("attempts")] public int Attempts { get; init; }
    [JsonPropertyName("fallback_from")] public string? FallbackFrom { get; init; }
    [JsonPropertyName("outcome")] public required string Outcome { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("detail")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Detail { get; init; }
}
