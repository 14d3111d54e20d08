namespace DistributedModel.Cli.Report;

/// <summary>One line of <c>.claude/dm/ledger.jsonl</c> (the fields the report uses).</summary>
public sealed record ProviderCall(
    DateTimeOffset Timestamp, string Lane, string Provider, string? Model,
    long InputTokens, long OutputTokens, decimal CostUsd, decimal BaselineUsd,
    double Ms, string? FallbackFrom, string Outcome)
{
    public bool IsOk => string.Equals(Outcome, "ok", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first attempt of a request (no provider failed before this one).</summary>
    public bool IsFirstAttempt => string.IsNullOrEmpty(FallbackFrom);
}
