namespace DistributedModel.Compression.Steps;

/// <summary>Consecutive identical lines become one line with a count: <c>line  [×N]</c>.</summary>
public static class ExactRepeatCollapser
{
    public static List<string> Collapse(List<string> lines) =>
        Collapse(lines.ConvertAll(static l => l.AsMemory())).ConvertAll(static l => l.ToString());

    /// <summary>As <see cref="Collapse(List{string})"/> for slices of a larger text; compacts <paramref name="lines"/> in place
    /// and returns it.</summary>
    public static List<ReadOnlyMemory<char>> Collapse(List<ReadOnlyMemory<char>> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        int kept = 0;
        int i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            int j = i + 1;
            while (j < lines.Count && lines[j].Span.SequenceEqual(line.Span)) j++;
            int count = j - i;
            lines[kept++] = count > 1 && line.Length > 0 ? string.Concat(line.Span, Markers.RepeatSuffix(count)).AsMemory() : line;
            i = j;
        }
        lines.RemoveRange(kept, lines.Count - kept);
        return lines;
    }
}
