namespace DistributedModel.Mcp.Dispatch.Review;

/// <summary>
/// The one model call a reviewer makes. Production code sends it through the provider library's <c>review</c> lane
/// with the provider pinned (<see cref="LaneReviewerClient"/>), so every call is in the ledger.
/// </summary>
public interface IReviewerClient
{
    /// <exception cref="Exception">any failure of the call; the panel reports it as this reviewer's failure.</exception>
    Task<ReviewerReply> CompleteAsync(ReviewerCall call, CancellationToken ct);
}

/// <summary>A reviewer request: pinned provider (and model), prompts and the JSON schema of the answer.</summary>
public sealed record ReviewerCall(string Provider, string? Model, string SystemPrompt, string UserPrompt, string JsonSchema);

/// <summary>The raw reply text and who actually answered.</summary>
public sealed record ReviewerReply(string Text, string Provider, string Model, long InputTokens, long OutputTokens, decimal CostUsd);
