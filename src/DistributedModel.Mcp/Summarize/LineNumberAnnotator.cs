using System.Text;

namespace DistributedModel.Mcp.Summarize;

/// <summary>
/// Prefixes each line of a compressed text with its line number in the original (<c>L123: </c>), so the digest can cite
/// line numbers. Lines are matched in order; lines the compressor made up (elision markers, repeat counts) stay unnumbered.
/// </summary>
internal static class LineNumberAnnotator
{
    public static string Annotate(string original, string compressed)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var n = 0;
        foreach (var line in original.AsSpan().EnumerateLines())
        {
            n++;
            var key = line.ToString();
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            list.Add(n);
        }

        var sb = new StringBuilder(compressed.Length + compressed.Length / 8);
        var cursor = 0;
        foreach (var line in compressed.AsSpan().EnumerateLines())
        {
            var key = line.ToString();
            if (index.TryGetValue(key, out var list) && FirstAtOrAfter(list, cursor + 1) is { } at)
            {
                sb.Append('L').Append(at).Append(": ").Append(key).Append('\n');
                cursor = at;
            }
            else sb.Append(key).Append('\n');
        }
        return sb.ToString();
    }

    private static int? FirstAtOrAfter(List<int> sorted, int value)
    {
        var i = sorted.BinarySearch(value);
        if (i < 0) i = ~i;
        return i < sorted.Count ? sorted[i] : null;
    }
}
