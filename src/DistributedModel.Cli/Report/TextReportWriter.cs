using DistributedModel.Core.Logging;

namespace DistributedModel.Cli.Report;

/// <summary>The console form of the review: one row per target, then the recommendation.</summary>
public static class TextReportWriter
{
    public static void Write(Review r, TextWriter w)
    {
        w.WriteLine($"Distributed Model review: {r.From:yyyy-MM-dd HH:mm} .. {r.To:yyyy-MM-dd HH:mm} UTC ({r.Days} days{(r.Days >= 28 ? ", monthly cost review" : "")})");
        w.WriteLine(r.WindowStart is { } ws
            ? $"Validation window started {ws:yyyy-MM-dd HH:mm} UTC ({Format.Num(Math.Floor(r.WindowDaysElapsed * 10) / 10, "0.0")} days ago)"
            : "No install record (.claude/dm/install.json); window measured from the earliest log line");
        w.WriteLine($"Read {r.HookCalls.Count} hook calls, {r.ProviderCalls.Count} provider calls, {r.Decisions.Count} decision records"
            + (r.SkippedLines > 0 ? $"; skipped {r.SkippedLines} unreadable line(s) (e.g. a truncated last line)" : ""));
        w.WriteLine();

        int nameW = Math.Max(6, r.Targets.Max(t => t.Name.Length));
        int measW = Math.Max(8, r.Targets.Max(t => t.Measured.Length));
        int targW = Math.Max(6, r.Targets.Max(t => t.Target.Length));
        w.WriteLine($"{"TARGET".PadRight(nameW)}  {"MEASURED".PadRight(measW)}  {"GOAL".PadRight(targW)}  STATUS");
        foreach (var t in r.Targets)
            w.WriteLine($"{t.Name.PadRight(nameW)}  {t.Measured.PadRight(measW)}  {t.Target.PadRight(targW)}  {t.StatusText}");
        w.WriteLine();

        if (r.HookCalls.Count > 0)
        {
            var outcomes = r.HookCalls.GroupBy(h => HookOutcomes.IsFailOpen(h.Outcome) ? HookOutcomes.FailOpen : h.Outcome)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            w.WriteLine("Hook outcomes: " + string.Join(", ", outcomes));
        }
        if (r.ProviderCalls.Count > 0)
        {
            w.WriteLine("Spend by lane:");
            foreach (var g in r.ProviderCalls.GroupBy(p => p.Line.Lane).OrderByDescending(g => g.Sum(p => p.CostUsd)))
                w.WriteLine($"  {g.Key,-12} {Format.Usd(g.Sum(p => p.CostUsd)),10}  (baseline {Format.Usd(g.Sum(p => p.Line.BaselineUsd))}, {g.Count()} calls)");
            w.WriteLine("Spend by provider:");
            foreach (var g in r.ProviderCalls.GroupBy(p => p.Line.Provider).OrderByDescending(g => g.Sum(p => p.CostUsd)))
                w.WriteLine($"  {g.Key,-12} {Format.Usd(g.Sum(p => p.CostUsd)),10}  ({g.Count()} calls, {g.Count(p => !p.IsOk)} failed" +
                    (g.Any(p => p.IsLocal) ? $", {g.Count(p => p.IsLocal)} local at $0 by rule" : "") +
                    (g.Any(p => p.Unpriced) ? $", {g.Count(p => p.Unpriced)} unpriced" : "") + ")");
            // Truncated, degraded and unpriced calls are classes of their own: none of them is a plain answer or a plain failure.
            var classes = r.ProviderCalls.GroupBy(p => p.Class).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            w.WriteLine("Provider call classes: " + string.Join(", ", classes));
            if (r.ProviderCalls.Any(p => p.Unpriced))
                w.WriteLine($"  unpriced models (cost unknown, not in the spend above): {string.Join(", ", r.ProviderCalls.Where(p => p.Unpriced).Select(p => p.Line.Model ?? "?").Distinct())}; add them under prices in dm.json" +
                    (r.ProviderCalls.Any(p => p.Unpriced && p.Line.Provider == "codex") ? " (codex: dispatch.codexPrices in ~/.claude/dm.json)" : ""));
            w.WriteLine();
        }

        if (r.Promote)
            w.WriteLine($"Recommendation: PROMOTE - every target met over a full {ReviewTargets.WindowDays}-day window. Next: `dm promote`.");
        else
        {
            w.WriteLine("Recommendation: ITERATE - " + (r.Reasons.Count == 1 ? r.Reasons[0] : $"{r.Reasons.Count} reasons:"));
            if (r.Reasons.Count > 1)
                foreach (var reason in r.Reasons) w.WriteLine("  - " + reason);
        }
    }
}
