using DistributedModel.Providers;

namespace DistributedModel.Mcp.Dispatch.Review;

/// <summary>
/// Reviewer calls through the provider library's <c>review</c> lane with the reviewer's provider pinned (no fallback to
/// another family) and its model, JSON output with the verdict schema. The library writes each attempt to the ledger.
/// </summary>
public sealed class LaneReviewerClient(ILaneClient lanes) : IReviewerClient
{
    public const string Lane = "review";

    /// <summary>Room for ten findings of about 200 characters.</summary>
    public const int MaxOutputTokens = 4096;

    public async Task<ReviewerReply> CompleteAsync(ReviewerCall call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        var response = await lanes.CompleteAsync(new LaneRequest(Lane, call.SystemPrompt, call.UserPrompt)
        {
            Provider = call.Provider,
            Model = call.Model,
            JsonOutput = true,
            JsonSchema = call.JsonSchema,
            MaxOutputTokens = MaxOutputTokens,
        }, ct).ConfigureAwait(false);
        return new ReviewerReply(response.Text, response.Provider, response.Model, response.Usage.Input, response.Usage.Output,
            response.CostUsd);
    }
}
