using System.Globalization;

namespace DistributedModel.Cli.Report;

/// <summary>Reads the front matter of <c>audits/*.md</c> decision records; files without valid front matter are counted and skipped.</summary>
public static class AuditReader
{
    public static List<DecisionRecord> Read(string auditsDir, ReadStats stats)
    {
        var list = new List<DecisionRecord>();
        if (!Directory.Exists(auditsDir)) return list;
        foreach (var file in Directory.EnumerateFiles(auditsDir, "*.md").Order(StringComparer.Ordinal))
        {
            var fm = FrontMatter.Read(File.ReadAllText(file));
            if (fm is null
                || !fm.TryGetValue("date", out var d) || !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !fm.TryGetValue("verdict", out var verdict))
            {
                stats.Skipped++;
                continue;
            }
            var providers = fm.GetValueOrDefault("providers", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            list.Add(new DecisionRecord(date, fm.GetValueOrDefault("kind", "consult"), verdict.ToUpperInvariant(), providers, Path.GetFileName(file)));
        }
        return list;
    }
}
