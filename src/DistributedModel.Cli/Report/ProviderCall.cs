using DistributedModel.Core.Ledger;

namespace DistributedModel.Cli.Report;

/// <summary>
/// One line of <c>.claude/dm/ledger.jsonl</c> as the writers wrote it (<see cref="LedgerRecord"/>), with its
/// <c>ts</c> parsed once for the window and the per-day charts.
/// </summary>
public sealed record ProviderCall(DateTimeOffset Timestamp, LedgerRecord Line)
{
    public bool IsOk => string.Equals(Line.Outcome, LedgerOutcome.Ok, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first attempt of a request (no provider failed before this one).</summary>
    public bool IsFirstAttempt => string.IsNullOrEmpty(Line.FallbackFrom);
}
