namespace DistributedModel.Compression.Steps;

/// <summary>Collapses runs of blank (or whitespace-only) lines to one empty line and drops leading/trailing blank lines.</summary>
public static class BlankRunCollapser
{
    public static List<string> Collapse(List<string> lines)
    {
        var result = new List<string>(lines.Count);
        bool previousBlank = true; // drops leading blanks
        foreach (var line in lines)
        {
            bool blank = string.IsNullOrWhiteSpace(line);
            if (blank && previousBlank) continue;
            result.Add(blank ? "" : line);
            previousBlank = blank;
        }
        while (result.Count > 0 && result[^1].Length == 0) result.RemoveAt(result.Count - 1);
        return result;
    }
}
