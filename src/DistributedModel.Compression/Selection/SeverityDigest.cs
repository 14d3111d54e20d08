using System.Text;
using DistributedModel.Compression.Steps;

namespace DistributedModel.Compression.Selection;

/// <summary>
/// The budgeted digest of a log, build or test output: distinct templates first. Priority, highest first: summaries;
/// one line per failing test while they fit in half the budget (<see cref="FailingTest"/>); one line (the first) of every definite error template; of every definite warning template; of every template that
/// only mentions a failure or warning in prose (the first template of every coarse cluster of these three ranks before
/// their other templates: <see cref="CoarseClusters"/>); the first stack frames of the errors; what varies across the lines of
/// each failure template shown (<see cref="VariationSummary"/>); the last line of each summary template and the last
/// definite error of the output; the first and last lines of the output; then further instances (the last line of each
/// failure template, then every one); then the rest, one exemplar per template in order of appearance (see
/// <see cref="LineClassifier"/>). Within a rank, templates come in order of first occurrence. When a failure template
/// does not fit, no template is shown twice. Each chosen line stays where it was; a template with more lines than were
/// chosen gets <c>[×N like the line above, lines a–b]</c> after its first exemplar (with its variation summary when
/// bought), and each gap becomes <c>[… N lines elided]</c>. Known noise (<see cref="MsBuildChatter"/>) comes last of all,
/// even after the head and tail lines it would otherwise be among.
/// </summary>
internal static class SeverityDigest
{
    private enum Rank { Summary, Error, Warning, Mention, Frame, Other, Noise }

    /// <summary>The digest's body and what it shows of the kinds of failure (coarse clusters of the definite error,
    /// warning and mention templates): how many there are, how many have a line in the body, and the first line of the
    /// first one left out (-1 when none).</summary>
    public readonly record struct Result(string Body, int Elided, bool[] Selected, int FailureKinds, int FailureKindsShown, int FirstLeftOut);

    public static Result Build(ScannedOutput o, long budget, CompressionOptions options)
    {
        var plan = new BudgetPlanner(o, budget);
        int n = o.Count;
        var ranks = new Rank[n];
        var firsts = new List<int>[7];
        for (int c = 0; c < firsts.Length; c++) firsts[c] = [];
        var seen = new bool[o.TemplateCount];
        for (int i = 0; i < n; i++)
        {
            var rank = RankOf(o, i);
            ranks[i] = rank;
            int t = o.Templates[i];
            if (seen[t]) continue;
            seen[t] = true;
            firsts[(int)rank].Add(t);
        }
        // Of each failure rank, one template of every coarse cluster first, then the other templates.
        var (errors, moreErrors) = CoarseClusters.Split(o, firsts[(int)Rank.Error], plan.FirstOf);
        var (warnings, moreWarnings) = CoarseClusters.Split(o, firsts[(int)Rank.Warning], plan.FirstOf);
        var (mentions, moreMentions) = CoarseClusters.Split(o, firsts[(int)Rank.Mention], plan.FirstOf);

        bool Buy(List<int> templates)
        {
            bool all = true;
            foreach (var t in templates) all &= !plan.Full && plan.TryAdd(plan.FirstOf(t));
            return all;
        }
        bool Firsts(Rank r) => Buy(firsts[(int)r]);
        void Lasts(Rank r) { foreach (var t in firsts[(int)r]) { if (plan.Full) return; plan.TryAdd(plan.LastOf(t)); } }
        void All(Rank r) { for (int i = 0; i < n && !plan.Full; i++) if (ranks[i] == r) plan.TryAdd(i); }
        void Variations(Rank r) { foreach (var t in firsts[(int)r]) { if (plan.Full) return; plan.TryAddVariation(t); } }

        Firsts(Rank.Summary);
        FailingTests(o, plan, budget / 2);
        // One line of every failure template before any line of a template is repeated.
        // The other templates of a coarse cluster only once every cluster has its line: they are near repeats.
        bool allFailures = Buy(errors);
        allFailures &= Buy(warnings);
        allFailures &= Buy(mentions);
        if (allFailures)
        {
            allFailures &= Buy(moreErrors);
            allFailures &= Buy(moreWarnings);
            allFailures &= Buy(moreMentions);
        }
        if (!allFailures) plan.ForbidRepeats();
        Firsts(Rank.Frame);
        Variations(Rank.Error); Variations(Rank.Warning); Variations(Rank.Mention);
        Lasts(Rank.Summary);
        // The last definite error of the whole output: that it was still failing at the end.
        int lastError = Array.LastIndexOf(ranks, Rank.Error);
        if (lastError >= 0 && !plan.Full) plan.TryAdd(lastError);
        for (int i = 0; i < Math.Min(options.HeadLines, n) && !plan.Full; i++) if (ranks[i] != Rank.Noise) plan.TryAdd(i);
        for (int i = Math.Max(0, n - options.TailLines); i < n && !plan.Full; i++) if (ranks[i] != Rank.Noise) plan.TryAdd(i);
        Lasts(Rank.Error); Lasts(Rank.Warning); Lasts(Rank.Mention);
        All(Rank.Error); All(Rank.Warning); All(Rank.Mention);
        Firsts(Rank.Other); Lasts(Rank.Other);
        Firsts(Rank.Noise);
        plan.FillSingleLineGaps();
        var (body, elided) = Render(o, plan);
        int kinds = 0, shown = 0, firstLeftOut = -1;
        // Kinds are coarse clusters (their leaders): the other templates of a cluster are shown only once all are.
        foreach (var leaders in (ReadOnlySpan<List<int>>)[errors, warnings, mentions])
            foreach (int t in leaders)
            {
                kinds++;
                if (plan.IsShown(t)) shown++;
                else if (firstLeftOut < 0 || plan.FirstOf(t) < firstLeftOut) firstLeftOut = plan.FirstOf(t);
            }
        return new Result(body, elided, plan.Selected, kinds, shown, firstLeftOut);
    }

    /// <summary>One line per failing test — the last that names it (a runner's summary line carries the message) — in
    /// order of first mention, while they take no more than <paramref name="maxBytes"/>: every failing test is named when
    /// the names fit in half the budget.</summary>
    private static void FailingTests(ScannedOutput o, BudgetPlanner plan, long maxBytes)
    {
        Dictionary<string, int>? last = null;
        List<string>? order = null;
        for (int i = 0; i < o.Count; i++)
        {
            var id = FailingTest.Id(o.Lines[i].Span);
            if (id.IsEmpty) continue;
            last ??= new Dictionary<string, int>(StringComparer.Ordinal);
            order ??= [];
            var key = id.ToString();
            if (!last.ContainsKey(key)) order.Add(key);
            last[key] = i;
        }
        if (order is null) return;
        long start = plan.Remaining;
        foreach (var key in order)
        {
            if (plan.Full || start - plan.Remaining >= maxBytes) return;
            plan.TryAdd(last![key]);
        }
    }

    private static Rank RankOf(ScannedOutput o, int i)
    {
        if (o.Noise[i]) return Rank.Noise;
        if (o.Frames[i]) return Rank.Frame;
        return o.Severities[i] switch
        {
            Severity.Summary => Rank.Summary,
            Severity.Error => o.Definite[i] ? Rank.Error : Rank.Mention,
            Severity.Warning => o.Definite[i] ? Rank.Warning : Rank.Mention,
            _ => Rank.Other,
        };
    }

    private static (string Body, int Elided) Render(ScannedOutput o, BudgetPlanner plan)
    {
        var selected = plan.Selected;
        var chosenPerTemplate = new int[o.TemplateCount];
        for (int i = 0; i < o.Count; i++) if (selected[i]) chosenPerTemplate[o.Templates[i]]++;

        var sb = new StringBuilder(4096);
        var marked = new bool[o.TemplateCount];
        int gap = 0, elided = 0;
        for (int i = 0; i < o.Count; i++)
        {
            if (!selected[i]) { gap++; continue; }
            if (gap > 0) { sb.Append(Markers.Elided(gap)).Append('\n'); elided += gap; gap = 0; }
            sb.Append(o.Lines[i].Span).Append('\n');
            int t = o.Templates[i];
            if (!marked[t] && plan.NeedsGroupMarker(t) && plan.CountOf(t) > chosenPerTemplate[t]) sb.Append(plan.GroupMarker(t)).Append('\n');
            marked[t] = true;
        }
        if (gap > 0) { sb.Append(Markers.Elided(gap)).Append('\n'); elided += gap; }
        return (sb.ToString(), elided);
    }
}
