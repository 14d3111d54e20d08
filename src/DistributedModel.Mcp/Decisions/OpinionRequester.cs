using DistributedModel.Providers;

namespace DistributedModel.Mcp.Decisions;

/// <summary>
/// Asks a lane (optionally one pinned provider) for a structured <see cref="Opinion"/>; a malformed answer is retried once
/// with the problem stated. A second malformed answer throws <see cref="MalformedOpinionException"/> carrying the raw text.
/// </summary>
internal sealed class OpinionRequester(ILaneClient lanes)
{
    public async Task<(Opinion Opinion, LaneResponse Response)> AskAsync(string lane, string? provider, string system, string user,
        CancellationToken ct)
    {
        var request = new LaneRequest(lane, system, user)
        {
            Provider = provider, JsonOutput = true, JsonSchema = OpinionSchema.Json, MaxOutputTokens = 4096,
        };
        var first = await lanes.CompleteAsync(request, ct).ConfigureAwait(false);
        if (OpinionParser.TryParse(first.Text, out var opinion, out var problem)) return (opinion!, first);

        var retry = request with
        {
            UserPrompt = user + "\n\nYour previous answer was rejected: " + problem + ". " + OpinionSchema.Instructions,
        };
        var second = await lanes.CompleteAsync(retry, ct).ConfigureAwait(false);
        if (OpinionParser.TryParse(second.Text, out opinion, out var problem2)) return (opinion!, second);
        throw new MalformedOpinionException(second.Provider, problem2, second.Text);
    }
}
