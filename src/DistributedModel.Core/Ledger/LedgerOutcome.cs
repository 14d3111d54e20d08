namespace DistributedModel.Core.Ledger;

public static class LedgerOutcome
{
    public const string Ok = "ok";
    public const string Error = "error";
    public const string Refused = "refused";

    /// <summary>No model answered and the lane returned a deterministic substitute (summarize's digest), marked as such.</summary>
    public const string Degraded = "degraded";
}
