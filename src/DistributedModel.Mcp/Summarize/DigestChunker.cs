using System.Text;
using System.Text.RegularExpressions;

namespace DistributedModel.Mcp.Summarize;

/// <summary>Splits the compressed sections into chunks of at most <c>window</c> characters, at line boundaries, each headed by its file.</summary>
internal static partial class DigestChunker
{
    public static IReadOnlyList<DigestChunk> Split(IReadOnlyList<DigestSection> sections, int window)
    {
        var chunks = new List<DigestChunk>();
        var text = new StringBuilder();
        var spans = new List<string>();
        string? file = null;
        int? first = null, last = null;

        void CloseSpan()
        {
            if (file is null) return;
            spans.Add(first is null ? file : $"{file} L{first}-{last}");
            first = last = null;
        }

        void Flush()
        {
            CloseSpan();
            if (text.Length > 0) chunks.Add(new DigestChunk(chunks.Count + 1, text.ToString(), string.Join(", ", spans)));
            text.Clear();
            spans.Clear();
        }

        foreach (var section in sections)
        {
            CloseSpan();
            file = section.RelativePath;
            var header = $"=== {section.RelativePath} ({section.Stats.Lines} lines, {section.Stats.Errors} errors, {section.Stats.Warnings} warnings) ===\n";
            if (text.Length + header.Length > window && text.Length > 0) Flush();
            text.Append(header);
            foreach (var raw in section.AnnotatedText.AsSpan().EnumerateLines())
            {
                var line = raw.Length > window / 2 ? raw[..(window / 2)].ToString() + " […]" : raw.ToString();
                if (text.Length + line.Length + 1 > window)
                {
                    Flush();
                    file = section.RelativePath;
                    text.Append("=== ").Append(section.RelativePath).Append(" (continued) ===\n");
                }
                text.Append(line).Append('\n');
                if (LineNumber().Match(line) is { Success: true } m)
                {
                    var n = int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
                    first ??= n;
                    last = n;
                }
            }
        }
        Flush();
        return chunks;
    }

    [GeneratedRegex(@"^L(\d+): ")]
    private static partial Regex LineNumber();
}
