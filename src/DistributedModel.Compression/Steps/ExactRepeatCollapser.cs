namespace DistributedModel.Compression.Steps;

/// <summary>Consecutive identical lines become one line with a count: <c>line  [×N]</c>.</summary>
public static class ExactRepeatCollapser
{
    public static List<string> Collapse(List<string> lines)
    {
        var result = new List<string>(lines.Count);
        int i = 0;
        while (i < lines.Count)
        {
            int j = i + 1;
            while (j < lines.Count && string.Equals(lines[j], lines[i], StringComparison.Ordinal)) j++;
            int count = j - i;
            result.Add(count > 1 && lines[i].Length > 0 ? lines[i] + Markers.RepeatSuffix(count) : lines[i]);
            i = j;
        }
        return result;
    }
}
