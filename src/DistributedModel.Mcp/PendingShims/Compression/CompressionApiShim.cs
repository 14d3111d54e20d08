// Temporary: the COMMON.md compression API, compiled only until src/DistributedModel.Compression lands (see the csproj).
// Crude head/tail + error-line keeper so the MCP server can run before the real engine exists.
using System.Text;

namespace DistributedModel.Compression;

public sealed record CompressionOptions
{
    public int PassThroughBytes { get; init; } = 2048;
    public int BudgetBytes { get; init; } = 8192;
    public int HeadLines { get; init; } = 30;
    public int TailLines { get; init; } = 30;
    public string? FullOutputPath { get; init; }
}

public sealed record CompressionResult(string Text, bool Changed, int InputBytes, int OutputBytes, int InputLines, int OutputLines, int ElidedLines, int ImportantLines);

public static class OutputCompressor
{
    public static CompressionResult Compress(string text, CompressionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var o = options ?? new CompressionOptions();
        var bytes = Encoding.UTF8.GetByteCount(text);
        var lines = text.Split('\n');
        if (bytes <= o.PassThroughBytes || bytes <= o.BudgetBytes) return new(text, false, bytes, bytes, lines.Length, lines.Length, 0, 0);
        var sb = new StringBuilder();
        int elided = 0, important = 0, kept = 0;
        void Flush() { if (elided > 0) { sb.Append("[… ").Append(elided).Append(" lines elided").Append(o.FullOutputPath is null ? "]" : " — full output: " + o.FullOutputPath + "]").Append('\n'); kept++; elided = 0; } }
        for (var i = 0; i < lines.Length; i++)
        {
            var imp = lines[i].Contains("error", StringComparison.OrdinalIgnoreCase) || lines[i].Contains("warn", StringComparison.OrdinalIgnoreCase);
            if (imp) important++;
            if (i < o.HeadLines || i >= lines.Length - o.TailLines || imp) { Flush(); sb.Append(lines[i]).Append('\n'); kept++; }
            else elided++;
        }
        Flush();
        var result = sb.ToString();
        return new(result, true, bytes, Encoding.UTF8.GetByteCount(result), lines.Length, kept, lines.Length - kept, important);
    }
}
