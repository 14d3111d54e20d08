using DistributedModel.Core.Logging;
using DistributedModel.Core.Statistics;

namespace DistributedModel.Cli.Report;

/// <summary>Computes every target, the verdicts and the recommendation from the raw records of a window.</summary>
public static class ReviewCalculator
{
    public static Review Compute(
        IReadOnlyList<HookLogRecord> allHooks, IReadOnlyList<ProviderCall> allLedger, IReadOnlyList<DecisionRecord> allDecisions,
        DateTimeOffset now, int days, DateTimeOffset? windowStart, int skippedLines)
    {
        var from = now.AddDays(-days);
        var hooks = allHooks.Where(h => h.Timestamp >= from && h.Timestamp <= now).ToList();
        var ledger = allLedger.Where(l => l.Timestamp >= from && l.Timestamp <= now).ToList();
        var fromDate = DateOnly.FromDateTime(from.UtcDateTime);
        var decisions = allDecisions.Where(d => d.Date >= fromDate && d.Date <= DateOnly.FromDateTime(now.UtcDateTime)).ToList();

        var post = hooks.Where(h => h.Event == HookEvents.PostToolUse).ToList();
        long bytesIn = post.Sum(h => h.InputBytes), bytesNative = post.Sum(NativeContext.Bytes), bytesOut = post.Sum(h => h.OutputBytes);
        long surfaced = post.Sum(h => (long)(h.Surfaced ?? 0));
        long surfacedErrors = post.Sum(h => (long)(h.SurfacedErrors ?? 0)), surfacedWarnings = post.Sum(h => (long)(h.SurfacedWarnings ?? 0));

        var latency = ReviewTargets.Hooks.Union(hooks.Select(h => h.Event).Distinct(StringComparer.Ordinal))
            .ToDictionary(e => e, e =>
            {
                var ms = hooks.Where(h => h.Event == e).Select(h => h.ElapsedMs).ToList();
                return (Percentile.NearestRank(ms, 95), Percentile.NearestRank(ms, 50), ms.Count);
            });

        var firstAttempts = ledger.Where(l => l.IsFirstAttempt).ToList();
        int firstOk = firstAttempts.Count(l => l.IsOk);

        var verdicts = decisions.Where(d => d.IsConsultant).GroupBy(d => d.Verdict).ToDictionary(g => g.Key, g => g.Count());
        int overturns = decisions.Count(d => d.IsOverturn);
        decimal spend = ledger.Sum(l => l.CostUsd), baseline = ledger.Sum(l => l.Line.BaselineUsd);

        DateTimeOffset? earliest = windowStart
            ?? allHooks.Select(h => (DateTimeOffset?)h.Timestamp).Concat(allLedger.Select(l => (DateTimeOffset?)l.Timestamp)).Min();
        double elapsed = earliest is { } e0 ? Math.Max(0, (now - e0).TotalDays) : 0;

        var review = new Review
        {
            From = from, To = now, Days = days, WindowStart = windowStart, WindowDaysElapsed = elapsed,
            HookCalls = hooks, ProviderCalls = ledger, Decisions = decisions, SkippedLines = skippedLines,
            ContextBytesIn = bytesIn, ContextBytesNative = bytesNative, ContextBytesOut = bytesOut, DiagnosticsSurfaced = surfaced,
            SurfacedErrors = surfacedErrors, SurfacedWarnings = surfacedWarnings, Latency = latency,
            SpecialistRequests = firstAttempts.Count, SpecialistFirstTrySuccesses = firstOk,
            Overturns = overturns, Verdicts = verdicts, SpendUsd = spend, BaselineUsd = baseline,
            Targets = [], Promote = false, Reasons = [],
        };
        var targets = Targets(review);
        var reasons = new List<string>();
        foreach (var t in targets.Where(t => t.Status != TargetStatus.Pass))
            reasons.Add(t.Status == TargetStatus.NoData ? $"{t.Name}: no data in the window" : $"{t.Name}: {t.Measured} misses {t.Target}");
        if (elapsed < ReviewTargets.WindowDays)
            reasons.Add($"the validation window has run {Format.Num(Math.Floor(elapsed * 10) / 10, "0.0")} of {ReviewTargets.WindowDays} days");
        return review with { Targets = targets, Promote = reasons.Count == 0, Reasons = reasons };
    }

    private static List<TargetResult> Targets(Review r)
    {
        var list = new List<TargetResult>
        {
            new(TargetKeys.ContextBytes, "Context bytes into orchestrator",
                r.ContextBytesIn == 0 ? "no PostToolUse calls"
                    : r.ContextSentence(),
                $">= {Format.Percent(ReviewTargets.MinContextReduction)} reduction",
                r.ContextBytesIn == 0 ? TargetStatus.NoData : r.ContextReduction >= ReviewTargets.MinContextReduction ? TargetStatus.Pass : TargetStatus.Fail),
        };
        foreach (var hook in ReviewTargets.Hooks)
        {
            var (p95, _, n) = r.Latency[hook];
            list.Add(new(TargetKeys.HookLatency(hook), $"Hook latency p95 {hook}", n == 0 ? "no calls" : $"{Format.Ms(p95)} (n={n})", $"< {Format.Num(ReviewTargets.MaxHookP95Ms)} ms",
                n == 0 ? TargetStatus.NoData : p95 < ReviewTargets.MaxHookP95Ms ? TargetStatus.Pass : TargetStatus.Fail));
        }
        list.Add(new(TargetKeys.SuccessWithoutFallback, "Specialist success without fallback",
            r.SpecialistRequests == 0 ? "no provider calls" : $"{Format.Percent(r.SuccessWithoutFallback)} ({r.SpecialistFirstTrySuccesses}/{r.SpecialistRequests})",
            $"> {Format.Percent(ReviewTargets.MinSuccessWithoutFallback)}",
            r.SpecialistRequests == 0 ? TargetStatus.NoData : r.SuccessWithoutFallback > ReviewTargets.MinSuccessWithoutFallback ? TargetStatus.Pass : TargetStatus.Fail));
        list.Add(new(TargetKeys.Overturns, "Consultant overturns",
            $"{r.Overturns} of {r.Verdicts.Values.Sum()} consultant decisions" + (r.Verdicts.Count == 0 ? "" :
                " (" + string.Join(", ", r.Verdicts.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} {v.Value}")) + ")"),
            "> 0 (MODIFY or REVERSE)",
            r.Overturns > ReviewTargets.MinOverturns ? TargetStatus.Pass : TargetStatus.Fail));
        list.Add(new(TargetKeys.Spend, "Spend vs all-orchestrator baseline",
            r.BaselineUsd == 0 ? "no priced calls" : $"{Format.Usd(r.SpendUsd)} vs {Format.Usd(r.BaselineUsd)} ({Format.Delta(r.SpendDelta)})",
            $"<= {Format.Delta(ReviewTargets.MaxSpendDelta)}",
            r.BaselineUsd == 0 ? TargetStatus.NoData : r.SpendDelta <= ReviewTargets.MaxSpendDelta ? TargetStatus.Pass : TargetStatus.Fail));
        return list;
    }
}
