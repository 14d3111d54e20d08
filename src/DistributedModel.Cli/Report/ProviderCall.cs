namespace DistributedModel.Cli.Report;

/// <summary>One line of <c>.claude/dm/ledger.jsonl</c> (the fields the report uses).</summary>
public sealed record ProviderCall(
    DateTimeOffset Timestamp, string Lane, string Provider, string? Model,
    long InputTokens, long OutputTokens, decimal CostUsd, decimal BaselineUsd,
    double Ms, string? FallbackFrom, string Outcome)
{
    public bool IsOk => string.Equals(Outcome, "ok", StringComparison.OrdinalIgnoreCase);

    /// <summary>The ledger's error class (e.g. "truncated"), null on success.</summary>
    public string? Error { get; init; }

    /// <summary>The model answered but has no price: its cost is unknown, not 0.</summary>
    public bool Unpriced { get; init; }

    /// <summary>The class the report counts this call under: unpriced, degraded, truncated, ok or error.</summary>
    public string Class => Unpriced ? "unpriced"
        : string.Equals(Outcome, "degraded", StringComparison.OrdinalIgnoreCase) ? "degraded"
        : string.Equals(Error, "truncated", StringComparison.Ordinal) ? "truncated"
        : IsOk ? "ok" : Outcome;

    /// <summary>The first attempt of a request (no provider failed before this one).</summary>
    public bool IsFirstAttempt => string.IsNullOrEmpty(FallbackFrom);
}
