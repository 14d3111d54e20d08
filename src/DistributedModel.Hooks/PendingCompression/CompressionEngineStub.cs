// TEMPORARY: a minimal stand-in for the compression engine API (COMMON.md) so the hooks build and test
// while src/DistributedModel.Compression is written in parallel. Deleted when main brings the real engine.
#pragma warning disable CA1812
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
        options ??= new CompressionOptions();
        int inBytes = System.Text.Encoding.UTF8.GetByteCount(text);
        var lines = text.Split('\n');
        if (inBytes <= options.PassThroughBytes || text.Contains("lines elided", StringComparison.Ordinal))
            return new CompressionResult(text, false, inBytes, inBytes, lines.Length, lines.Length, 0, 0);
        var kept = new List<string>();
        int elided = 0, important = 0, run = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            bool imp = l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("warning", StringComparison.OrdinalIgnoreCase);
            if (i < options.HeadLines || i >= lines.Length - options.TailLines || imp)
            {
                if (run > 0) { kept.Add(Marker(run, options.FullOutputPath)); run = 0; }
                kept.Add(l);
                if (imp) important++;
            }
            else { run++; elided++; }
        }
        if (run > 0) kept.Add(Marker(run, options.FullOutputPath));
        var result = string.Join('\n', kept);
        return new CompressionResult(result, elided > 0, inBytes, System.Text.Encoding.UTF8.GetByteCount(result), lines.Length, kept.Count, elided, important);
    }

    private static string Marker(int n, string? path) => path is null ? $"[… {n} lines elided]" : $"[… {n} lines elided — full output: {path}]";
}

public static class LogLikeDetector
{
    public static bool IsLogLike(string? path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var ext = Path.GetExtension(path ?? "");
        return ext is ".log" or ".out" or ".txt";
    }
}
