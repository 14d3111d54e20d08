using System.Text;
using DistributedModel.Compression.Steps;

namespace DistributedModel.Compression.Selection;

/// <summary>
/// The budgeted digest of a log, build or test output. Priority, highest first: summaries; definite errors (each
/// distinct template's first occurrence), their first stack frames (repeated frames count once), their last
/// occurrences; definite warnings' first occurrences; every further definite error; warnings' last occurrences; the
/// first and last lines of the output; lines that only mention a failure or warning in prose (first occurrences, then
/// last); the remaining repeats; then the rest, one exemplar per template in order of appearance (see
/// <see cref="LineClassifier"/>). Each chosen line stays
/// where it was; a template with more lines than were chosen gets <c>[×N like the line above, lines a–b]</c> after its
/// first exemplar, and each gap becomes <c>[… N lines elided]</c>.
/// </summary>
internal static class SeverityDigest
{
    private enum Rank { Summary, Error, Frame, Warning, ErrorMention, WarningMention, Other }

    public static (string Body, int Elided, int[] Kept, bool[] Selected) Build(ScannedOutput o, long budget, CompressionOptions options)
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

        void Firsts(Rank r) { foreach (var t in firsts[(int)r]) { if (plan.Full) return; plan.TryAdd(plan.FirstOf(t)); } }
        void Lasts(Rank r) { foreach (var t in firsts[(int)r]) { if (plan.Full) return; plan.TryAdd(plan.LastOf(t)); } }
        void All(Rank r) { for (int i = 0; i < n && !plan.Full; i++) if (ranks[i] == r) plan.TryAdd(i); }

        Firsts(Rank.Summary); Lasts(Rank.Summary);
        // The first and the last definite error of the whole output: when it started, and that it was still failing at the end.
        int firstError = Array.IndexOf(ranks, Rank.Error), lastError = Array.LastIndexOf(ranks, Rank.Error);
        if (firstError >= 0) { plan.TryAdd(firstError); plan.TryAdd(lastError); }
        Firsts(Rank.Error); Firsts(Rank.Frame); Lasts(Rank.Error);
        Firsts(Rank.Warning);
        All(Rank.Error);
        Lasts(Rank.Warning);
        for (int i = 0; i < Math.Min(options.HeadLines, n) && !plan.Full; i++) plan.TryAdd(i);
        for (int i = Math.Max(0, n - options.TailLines); i < n && !plan.Full; i++) plan.TryAdd(i);
        Firsts(Rank.ErrorMention); Firsts(Rank.WarningMention);
        Lasts(Rank.ErrorMention); All(Rank.Warning); All(Rank.ErrorMention); Lasts(Rank.WarningMention); All(Rank.WarningMention);
        Firsts(Rank.Other); Lasts(Rank.Other);
        plan.FillSingleLineGaps();
        return Render(o, plan);
    }

    private static Rank RankOf(ScannedOutput o, int i)
    {
        if (o.Frames[i]) return Rank.Frame;
        return o.Severities[i] switch
        {
            Severity.Summary => Rank.Summary,
            Severity.Error => o.Definite[i] ? Rank.Error : Rank.ErrorMention,
            Severity.Warning => o.Definite[i] ? Rank.Warning : Rank.WarningMention,
            _ => Rank.Other,
        };
    }

    private static (string Body, int Elided, int[] Kept, bool[] Selected) Render(ScannedOutput o, BudgetPlanner plan)
    {
        var selected = plan.Selected;
        var chosenPerTemplate = new int[o.TemplateCount];
        for (int i = 0; i < o.Count; i++) if (selected[i]) chosenPerTemplate[o.Templates[i]]++;

        var sb = new StringBuilder(4096);
        var marked = new bool[o.TemplateCount];
        var kept = new int[4];
        int gap = 0, elided = 0;
        for (int i = 0; i < o.Count; i++)
        {
            if (!selected[i]) { gap++; continue; }
            if (gap > 0) { sb.Append(Markers.Elided(gap)).Append('\n'); elided += gap; gap = 0; }
            sb.Append(o.Lines[i].Span).Append('\n');
            kept[(int)o.Severities[i]]++;
            int t = o.Templates[i];
            if (!marked[t] && plan.NeedsGroupMarker(t) && plan.CountOf(t) > chosenPerTemplate[t]) sb.Append(plan.GroupMarker(t)).Append('\n');
            marked[t] = true;
        }
        if (gap > 0) { sb.Append(Markers.Elided(gap)).Append('\n'); elided += gap; }
        return (sb.ToString(), elided, kept, selected);
    }
}
