namespace DistributedModel.Mcp.Dispatch.Review;

public enum ReviewerStatus
{
    /// <summary>A valid verdict.</summary>
    Ok,
    /// <summary>The reply was not a valid verdict object.</summary>
    Malformed,
    /// <summary>The call failed (provider error, unreachable, refused).</summary>
    Failed,
    /// <summary>No reply within the review time limit.</summary>
    TimedOut,
}
