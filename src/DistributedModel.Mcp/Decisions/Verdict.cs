namespace DistributedModel.Mcp.Decisions;

/// <summary>A consultant's verdict on the orchestrator's proposal. MODIFY and REVERSE count as overturns.</summary>
internal enum Verdict
{
    Affirm,
    Modify,
    Reverse,
    Defer,
}
