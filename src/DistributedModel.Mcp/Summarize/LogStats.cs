using System.Text.RegularExpressions;

namespace DistributedModel.Mcp.Summarize;

/// <summary>Deterministic counts the digest always carries, whatever the model writes.</summary>
internal sealed partial record LogStats(int Lines, int Errors, int Warnings)
{
    public static LogStats Count(string text)
    {
        int lines = 0, errors = 0, warnings = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lines++;
            if (line.IsEmpty) continue;
            var s = line.ToString();
            if (ErrorRegex().IsMatch(s)) errors++;
            else if (WarningRegex().IsMatch(s)) warnings++;
        }
        if (text.EndsWith('\n')) lines--;
        return new LogStats(lines, errors, warnings);
    }

    [GeneratedRegex(@"\b(error|errors|fatal|failed|failure|exception|panic)\b|\bERR\b|\bE\d{4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ErrorRegex();

    [GeneratedRegex(@"\b(warn|warning|warnings)\b|\bWRN\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WarningRegex();
}
