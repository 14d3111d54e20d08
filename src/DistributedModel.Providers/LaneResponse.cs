namespace DistributedModel.Providers;

/// <summary>The answer of the provider that succeeded.</summary>
/// <param name="FallbackFrom">The provider that failed (or was skipped) just before this one, if any.</param>
/// <param name="Attempts">HTTP attempts made against the answering provider (1 = no retry).</param>
public sealed record LaneResponse(string Text, string Provider, string Model, bool FallbackUsed, string? FallbackFrom,
    TokenUsage Usage, decimal CostUsd, TimeSpan Latency, int Attempts)
{
    /// <summary>The model has no price: <see cref="CostUsd"/> is 0 only because the cost is unknown (the ledger says <c>unpriced</c>).</summary>
    public bool Unpriced { get; init; }

    /// <summary>No model answered: <see cref="LaneResponse.Text"/> is the request's deterministic fallback; <see cref="DegradedReason"/> says why.</summary>
    public bool Degraded { get; init; }

    public string? DegradedReason { get; init; }

    /// <summary>The answer came after a truncated one was retried with this larger output budget (null: no retry).</summary>
    public int? RetriedWithMaxOutputTokens { get; init; }
}
