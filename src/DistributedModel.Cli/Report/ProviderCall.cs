using DistributedModel.Core.Ledger;

namespace DistributedModel.Cli.Report;

/// <summary>
/// One line of <c>.claude/dm/ledger.jsonl</c> as the writers wrote it (<see cref="LedgerRecord"/>), with its
/// <c>ts</c> parsed once for the window and the per-day charts.
/// </summary>
public sealed record ProviderCall(DateTimeOffset Timestamp, LedgerRecord Line)
{
    public bool IsOk => string.Equals(Line.Outcome, LedgerOutcome.Ok, StringComparison.OrdinalIgnoreCase);

    /// <summary>The model answered but has no price: its cost is unknown, not 0 (<c>unpriced: true</c>, or no <c>cost_usd</c> at all).</summary>
    public bool Unpriced => Line.IsUnpriced;

    /// <summary>A local model (Ollama): $0 by rule, not a price.</summary>
    public bool IsLocal => Line.Local == true;

    /// <summary>What the call cost; an unpriced call counts 0 in sums and is reported apart (<see cref="Unpriced"/>).</summary>
    public decimal CostUsd => Line.CostUsd ?? 0m;

    /// <summary>The class the report counts this call under: unpriced, degraded, truncated, ok or error.</summary>
    public string Class => Unpriced ? "unpriced"
        : string.Equals(Line.Outcome, LedgerOutcome.Degraded, StringComparison.OrdinalIgnoreCase) ? "degraded"
        : string.Equals(Line.Error, "truncated", StringComparison.Ordinal) ? "truncated"
        : IsOk ? LedgerOutcome.Ok : Line.Outcome;

    /// <summary>The first attempt of a request (no provider failed before this one).</summary>
    public bool IsFirstAttempt => string.IsNullOrEmpty(Line.FallbackFrom);
}
