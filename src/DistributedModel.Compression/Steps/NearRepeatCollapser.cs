namespace DistributedModel.Compression.Steps;

/// <summary>
/// Lines that share a <see cref="LineTemplate"/> (differ only in numbers, ids, times, paths) are near-repeats, wherever
/// they sit in the output (Drain-style grouping, but deterministic and single-pass). For a template seen at least
/// <c>minRun</c> times among unimportant lines, the first and last exemplars stay in place and the ones in between are
/// replaced by one count marker after the first. Important lines are never collapsed here.
/// </summary>
public static class NearRepeatCollapser
{
    public static List<Line> Collapse(List<Line> lines, int minRun)
    {
        var templates = new string?[lines.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Important || lines[i].Text.Length == 0) continue;
            var t = LineTemplate.Of(lines[i].Text);
            templates[i] = t;
            counts[t] = counts.TryGetValue(t, out var c) ? c + 1 : 1;
        }
        if (!counts.Values.Any(c => c >= minRun)) return lines;

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Line>(lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            var t = templates[i];
            if (t is null || counts[t] < minRun) { result.Add(lines[i]); continue; }
            int nth = seen.TryGetValue(t, out var s) ? s + 1 : 1;
            seen[t] = nth;
            int total = counts[t];
            if (nth == 1)
            {
                result.Add(lines[i]);
                result.Add(Line.Marker(Markers.Similar(total - 2)));
            }
            else if (nth == total) result.Add(lines[i]);
        }
        return result;
    }
}
