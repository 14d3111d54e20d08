namespace DistributedModel.Compression.Steps;

/// <summary>
/// Last resort when the output is still over budget: keep a head and a tail window and every important line in
/// between; each elided span becomes <c>[… N lines elided — full output: PATH]</c>.
/// </summary>
public static class BudgetWindow
{
    public static List<Line> Apply(List<Line> lines, int head, int tail, string? fullOutputPath, out int elided)
    {
        elided = 0;
        if (lines.Count <= head + tail) return lines;
        var result = new List<Line>(head + tail + 64);
        int run = 0;
        int tailStart = lines.Count - tail;
        for (int i = 0; i < lines.Count; i++)
        {
            if (i < head || i >= tailStart || lines[i].Important)
            {
                if (run > 0) { result.Add(Line.Marker(Markers.Elided(run, fullOutputPath))); elided += run; run = 0; }
                result.Add(lines[i]);
            }
            else run++;
        }
        if (run > 0) { result.Add(Line.Marker(Markers.Elided(run, fullOutputPath))); elided += run; }
        return result;
    }
}
