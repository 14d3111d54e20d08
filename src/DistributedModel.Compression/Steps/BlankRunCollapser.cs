namespace DistributedModel.Compression.Steps;

/// <summary>Collapses runs of blank (or whitespace-only) lines to one empty line and drops leading/trailing blank lines.</summary>
public static class BlankRunCollapser
{
    public static List<string> Collapse(List<string> lines) =>
        Collapse(lines.ConvertAll(static l => l.AsMemory())).ConvertAll(static l => l.ToString());

    /// <summary>As <see cref="Collapse(List{string})"/> for slices of a larger text; compacts <paramref name="lines"/> in place
    /// and returns it.</summary>
    public static List<ReadOnlyMemory<char>> Collapse(List<ReadOnlyMemory<char>> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        int kept = 0;
        bool previousBlank = true; // drops leading blanks
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            bool blank = line.Span.IsWhiteSpace();
            if (blank && previousBlank) continue;
            lines[kept++] = blank ? ReadOnlyMemory<char>.Empty : line;
            previousBlank = blank;
        }
        while (kept > 0 && lines[kept - 1].Length == 0) kept--;
        lines.RemoveRange(kept, lines.Count - kept);
        return lines;
    }
}
