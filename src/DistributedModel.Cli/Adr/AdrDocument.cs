using System.Text;
using System.Text.RegularExpressions;
using DistributedModel.Cli.Report;

namespace DistributedModel.Cli.Adr;

/// <summary>
/// A decision record (<c>audits/YYYY-MM-DD-slug.md</c>) parsed for the side-by-side preview: front matter, title,
/// the sections, and the options with their pros and cons. See Distributed-Model-Governance.md for the format.
/// </summary>
public sealed partial record AdrDocument(
    IReadOnlyDictionary<string, string> Fields, string Title, IReadOnlyList<(string Heading, string Text)> Sections, IReadOnlyList<AdrOption> Options)
{
    public static AdrDocument Parse(string text, string fileName)
    {
        var split = FrontMatter.Split(text);
        var fields = split?.Fields ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = (split?.Body ?? text).Replace("\r\n", "\n", StringComparison.Ordinal);
        string title = fields.GetValueOrDefault("title") ?? Path.GetFileNameWithoutExtension(fileName);
        var sections = new List<(string, string)>();
        var options = new List<AdrOption>();

        string? h2 = null, h3 = null;
        var buf = new StringBuilder();
        List<string>? pros = null, cons = null;
        var summary = new StringBuilder();

        void Flush()
        {
            if (h2 is null) return;
            var opt = OptionHeading().Match(h2);
            if (opt.Success)
            {
                var name = opt.Groups["name"].Value.Trim();
                bool chosen = name.Contains("(chosen)", StringComparison.OrdinalIgnoreCase);
                name = name.Replace("(chosen)", "", StringComparison.OrdinalIgnoreCase).Trim();
                options.Add(new AdrOption(opt.Groups["id"].Success ? opt.Groups["id"].Value : null, name, summary.ToString().Trim(), pros ?? [], cons ?? [], chosen));
            }
            else sections.Add((h2, buf.ToString().Trim()));
            buf.Clear(); summary.Clear(); pros = null; cons = null; h3 = null;
        }

        foreach (var raw in body.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("# ", StringComparison.Ordinal) && h2 is null && !fields.ContainsKey("title"))
            {
                title = line[2..].Trim();
                continue;
            }
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                h2 = line[3..].Trim();
                continue;
            }
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                h3 = line[4..].Trim().ToLowerInvariant();
                if (h3.StartsWith("pro", StringComparison.Ordinal)) pros = [];
                else if (h3.StartsWith("con", StringComparison.Ordinal)) cons = [];
                else buf.AppendLine(line);
                continue;
            }
            var bullet = line.TrimStart();
            bool isBullet = bullet.StartsWith("- ", StringComparison.Ordinal) || bullet.StartsWith("* ", StringComparison.Ordinal);
            if (isBullet && h3 is not null && h3.StartsWith("pro", StringComparison.Ordinal)) pros!.Add(bullet[2..].Trim());
            else if (isBullet && h3 is not null && h3.StartsWith("con", StringComparison.Ordinal)) cons!.Add(bullet[2..].Trim());
            else if (h2 is not null && OptionHeading().IsMatch(h2)) summary.AppendLine(line);
            else if (h2 is not null) buf.AppendLine(line);
        }
        Flush();
        return new AdrDocument(fields, title, sections, options);
    }

    [GeneratedRegex(@"^Option\s*(?:(?<id>[A-Z0-9]+)\s*)?[:—–-]\s*(?<name>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex OptionHeading();
}
