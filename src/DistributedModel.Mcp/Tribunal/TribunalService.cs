using System.Diagnostics;
using System.Globalization;
using System.Text;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Consult;
using DistributedModel.Mcp.Decisions;
using DistributedModel.Mcp.Execution;
using DistributedModel.Mcp.Files;
using DistributedModel.Mcp.Hosting;
using DistributedModel.Providers;
using ModelContextProtocol;
using DistributedModel.Core.Lanes;

namespace DistributedModel.Mcp.Tribunal;

/// <summary>
/// Puts the same question to the configured providers (pinned, so no fallback blurs who answered) in parallel; none sees
/// another's answer. Once a majority has answered, the rest get <see cref="McpOptions.TribunalStragglerGrace"/> more before
/// they are cut off, so one hanging provider costs a bounded wait, not the tool's whole limit. Writes one decision record.
/// </summary>
internal sealed class TribunalService(OpinionRequester requester, FileContext fileContext, DecisionRecordWriter records,
    McpOptions options, WorkspacePaths paths, TimeProvider time)
{
    public async Task<string> JudgeAsync(string question, string? proposal, IReadOnlyList<string>? files, ToolContext context)
    {
        if (string.IsNullOrWhiteSpace(question)) throw new McpException("question is empty");
        InputLimits.Check("question", question, InputLimits.MaxQuestionChars);
        InputLimits.Check("proposal", proposal, InputLimits.MaxProposalChars);
        InputLimits.CheckPaths("paths", files);
        var (block, names) = await fileContext.ReadAsync(files, context.Token).ConfigureAwait(false);
        var user = DecisionPrompts.User(question, proposal, block);
        var providers = options.TribunalProviders;
        context.Report($"asking {string.Join(", ", providers)} in parallel");

        using var stragglers = CancellationTokenSource.CreateLinkedTokenSource(context.Token);
        var quorum = providers.Count / 2 + 1;
        var answered = 0;
        var tasks = providers.Select(p => AskOneAsync(p, user, stragglers.Token, context, () =>
        {
            if (Interlocked.Increment(ref answered) == quorum) stragglers.CancelAfter(options.TribunalStragglerGrace);
        })).ToList();
        var votes = await Task.WhenAll(tasks).ConfigureAwait(false);
        context.Token.ThrowIfCancellationRequested();

        if (votes.All(v => !v.Answered))
        {
            throw new McpException("tribunal failed: no provider gave a verdict. " +
                string.Join("; ", votes.Select(v => $"{v.Provider}: {v.Error}")));
        }

        var outcome = TribunalAggregator.Aggregate(votes);
        var title = votes.First(v => v.Answered).Opinion!.Title is { Length: > 0 } t ? t : question;
        var record = records.Write("tribunal", outcome.Verdict, votes.Where(v => v.Answered).Select(v => v.Provider), title,
            RecordBody(question, proposal, names, votes, outcome));
        return Result(outcome, votes, record);
    }

    private async Task<TribunalVote> AskOneAsync(string provider, string user, CancellationToken ct, ToolContext context, Action onAnswer)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var (opinion, response) = await requester.AskAsync(LaneNames.Tribunal, provider, DecisionPrompts.System, user, ct).ConfigureAwait(false);
            onAnswer();
            context.Report($"{provider} answered {opinion.Verdict.ToString().ToUpperInvariant()}");
            return new TribunalVote(provider, opinion, response.Model, null, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!context.Token.IsCancellationRequested)
        {
            return new TribunalVote(provider, null, null,
                $"no answer within {options.TribunalStragglerGrace.TotalSeconds:0.#} s after the majority had answered ({clock.Elapsed.TotalSeconds:0.#} s)",
                clock.Elapsed);
        }
        catch (ProviderException ex)
        {
            return new TribunalVote(provider, null, null, ex.Message, clock.Elapsed);
        }
        catch (MalformedOpinionException ex)
        {
            var saved = MalformedAnswerStore.Save(paths, time, "tribunal-" + provider, ex.RawText);
            return new TribunalVote(provider, null, null, $"{ex.Message} (raw answer: {saved})", clock.Elapsed);
        }
    }

    private static string Result(TribunalOutcome o, IReadOnlyList<TribunalVote> votes, string record)
    {
        var answered = votes.Count(v => v.Answered);
        var sb = new StringBuilder("verdict: ").Append(o.Verdict.ToString().ToUpperInvariant());
        sb.Append(o.HasMajority
            ? $" ({o.Majority.Count} of {answered} answers: {string.Join(", ", o.Majority.Select(v => v.Provider))})"
            : $" (no majority among {answered} answers)").Append('\n');
        if (o.Majority.Count > 0) sb.Append("rationale: ").Append(Text.Shorten(o.Majority[0].Opinion!.Rationale, 400)).Append('\n');
        foreach (var d in o.Dissent)
            sb.Append("dissent: ").Append(d.Provider).Append(' ').Append(d.Opinion!.Verdict.ToString().ToUpperInvariant())
              .Append(" — ").Append(Text.Shorten(d.Opinion.Rationale, 200)).Append('\n');
        foreach (var f in o.Failed) sb.Append("no answer: ").Append(f.Provider).Append(" — ").Append(Text.Shorten(f.Error ?? "", 200)).Append('\n');
        return sb.Append("record: ").Append(record).ToString();
    }

    private static string RecordBody(string question, string? proposal, IReadOnlyList<string> names, IReadOnlyList<TribunalVote> votes,
        TribunalOutcome o)
    {
        var sb = new StringBuilder(OpinionMarkdown.Question(question, proposal, names));
        sb.Append("## Verdict: ").Append(o.Verdict.ToString().ToUpperInvariant()).Append("\n\n")
          .Append(o.HasMajority
              ? $"Majority ({o.Majority.Count} of {votes.Count(v => v.Answered)} answers): {string.Join(", ", o.Majority.Select(v => v.Provider))}."
              : "No majority; the answers split, so the decision is deferred.").Append("\n\n");
        if (o.Dissent.Count > 0)
        {
            sb.Append("## Dissent\n\n");
            foreach (var d in o.Dissent)
                sb.Append("- ").Append(d.Provider).Append(": ").Append(d.Opinion!.Verdict.ToString().ToUpperInvariant()).Append(" — ")
                  .Append(Text.Shorten(d.Opinion.Rationale, 300)).Append('\n');
            sb.Append('\n');
        }
        if (o.Failed.Count > 0)
        {
            sb.Append("## No answer\n\n");
            foreach (var f in o.Failed) sb.Append("- ").Append(f.Provider).Append(": ").Append(f.Error).Append('\n');
            sb.Append('\n');
        }
        foreach (var v in votes.Where(v => v.Answered))
            sb.Append("## ").Append(v.Provider).Append(" (").Append(v.Model).Append(", ")
              .Append(v.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s)\n\n")
              .Append(OpinionMarkdown.Body(v.Opinion!, v.Provider + "/" + v.Model, 3));
        return sb.ToString();
    }
}
