using System.Buffers;

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
        ArgumentNullException.ThrowIfNull(lines);
        // Template ids per line (-1: not a candidate); a template string is allocated once per distinct shape, not per line.
        var templates = new int[lines.Count];
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var byShape = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var counts = new List<int>();
        char[] buffer = ArrayPool<char>.Shared.Rent(LineTemplate.MaxChars);
        bool any = false;
        for (int i = 0; i < lines.Count; i++)
        {
            templates[i] = -1;
            if (lines[i].Important || lines[i].Chars.Length == 0) continue;
            var shape = LineTemplate.Write(lines[i].Chars.Span, buffer);
            if (!byShape.TryGetValue(shape, out int id))
            {
                id = counts.Count;
                byShape[shape] = id;
                counts.Add(0);
            }
            templates[i] = id;
            any |= ++counts[id] >= minRun;
        }
        ArrayPool<char>.Shared.Return(buffer);
        if (!any) return lines;

        var seen = new int[counts.Count];
        var result = new List<Line>(lines.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            int t = templates[i];
            if (t < 0 || counts[t] < minRun) { result.Add(lines[i]); continue; }
            int nth = ++seen[t];
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
