using System.Diagnostics;

namespace DistributedModel.Mcp.Dispatch.Review;

/// <summary>
/// Runs the reviewers of one dispatch concurrently, each with its own framing and time limit. A reviewer that fails,
/// times out or answers with something that is not a valid verdict is reported as such; the others are unaffected.
/// </summary>
public sealed class ReviewPanel(IReviewerClient client)
{
    public async Task<IReadOnlyList<ReviewerOutcome>> ReviewAsync(
        string brief, string diff, string diffStat, IReadOnlyList<ReviewerSpec> reviewers, DispatchOptions options,
        IProgress<string>? progress, CancellationToken ct)
    {
        var tasks = reviewers.Select(spec => Task.Run(async () =>
        {
            var outcome = await ReviewOneAsync(spec, brief, diff, diffStat, options, ct).ConfigureAwait(false);
            progress?.Report($"reviewer {spec.Name} ({outcome.Who}): "
                + (outcome.Verdict is { } v ? $"{v.Verdict}, {v.Findings.Count} finding(s)" : outcome.Status.ToString().ToLowerInvariant()));
            return outcome;
        }, CancellationToken.None)).ToArray();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task<ReviewerOutcome> ReviewOneAsync(ReviewerSpec spec, string brief, string diff, string diffStat,
        DispatchOptions options, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var call = new ReviewerCall(spec.Provider, spec.Model, ReviewPrompts.System(spec.Framing),
            ReviewPrompts.User(brief, diff, diffStat, options.MaxReviewDiffChars), ReviewPrompts.JsonSchema);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.ReviewTimeout);
        ReviewerReply reply;
        try
        {
            reply = await client.CompleteAsync(call, limit.Token).WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ReviewerOutcome(spec, ReviewerStatus.TimedOut, null,
                $"no answer within {options.ReviewTimeout.TotalSeconds:F0} s", null, null, null, sw.Elapsed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ReviewerOutcome(spec, ReviewerStatus.Failed, null, OneLine(ex.Message), null, null, null, sw.Elapsed);
        }

        return ReviewVerdictParser.TryParse(reply.Text, out var verdict, out var error)
            ? new ReviewerOutcome(spec, ReviewerStatus.Ok, verdict, null, reply.Text, reply.Provider, reply.Model, sw.Elapsed)
            : new ReviewerOutcome(spec, ReviewerStatus.Malformed, null, "malformed verdict: " + error, reply.Text,
                reply.Provider, reply.Model, sw.Elapsed);
    }

    private static string OneLine(string s)
    {
        var one = s.ReplaceLineEndings(" ").Trim();
        return one.Length <= 300 ? one : one[..299] + "…";
    }
}
