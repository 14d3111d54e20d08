using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DistributedModel.Cli.Report;

/// <summary>
/// Reads a JSON Lines file tolerantly: blank lines are ignored, a line that does not parse (typically a truncated
/// last line while a writer is appending) is counted and skipped. Reports progress for large files.
/// </summary>
public static class JsonLinesReader
{
    public const long ProgressThresholdBytes = 32L * 1024 * 1024;

    public static List<T> Read<T>(string path, Func<JsonElement, T?> map, ReadStats stats, TextWriter? progress = null,
        long progressThresholdBytes = ProgressThresholdBytes) where T : class =>
        ReadLines(path, line =>
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? map(doc.RootElement) : null;
        }, stats, progress, progressThresholdBytes);

    /// <summary>Each line deserialized with a writer's source-generated <paramref name="contract"/> (a JSON <c>null</c> line is unreadable).</summary>
    public static List<T> Read<T>(string path, JsonTypeInfo<T> contract, ReadStats stats, TextWriter? progress = null,
        long progressThresholdBytes = ProgressThresholdBytes) where T : class =>
        ReadLines(path, line => JsonSerializer.Deserialize(line, contract), stats, progress, progressThresholdBytes);

    /// <summary>Each non-blank line through <paramref name="parse"/>; null, or a JSON, format or conversion error, counts as unreadable.</summary>
    public static List<T> ReadLines<T>(string path, Func<string, T?> parse, ReadStats stats, TextWriter? progress = null,
        long progressThresholdBytes = ProgressThresholdBytes) where T : class
    {
        var list = new List<T>();
        if (!File.Exists(path)) return list;
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        long length = fs.Length;
        bool report = progress is not null && length >= progressThresholdBytes;
        int lastPercent = -1;
        using var reader = new StreamReader(fs);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (report)
            {
                int pct = (int)(fs.Position * 100 / Math.Max(1, length));
                if (pct / 10 != lastPercent / 10)
                {
                    progress!.WriteLine($"reading {Path.GetFileName(path)}… {pct}%");
                    lastPercent = pct;
                }
            }
            if (string.IsNullOrWhiteSpace(line)) continue;
            T? item = null;
            try
            {
                item = parse(line);
            }
            catch (JsonException) { }
            catch (FormatException) { }
            catch (InvalidOperationException) { }
            if (item is null) stats.Skipped++;
            else list.Add(item);
        }
        return list;
    }
}
