namespace DistributedModel.Core.Ledger;

public static class LedgerOutcome
{
    public const string Ok = "ok";
    public const string Error = "error";
    public const string Refused = "refused";
}
