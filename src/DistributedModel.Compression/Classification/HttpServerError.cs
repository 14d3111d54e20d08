using System.Buffers;
using System.Text.RegularExpressions;

namespace DistributedModel.Compression;

/// <summary>An HTTP 5xx status: <c>"GET /x HTTP/1.1" 503</c>, <c>HTTP/2 502</c>, <c>status=500</c>, <c>status code: 504</c>.</summary>
public static partial class HttpServerError
{
    /// <summary>Index of the status phrase, or -1.</summary>
    public static int Find(ReadOnlySpan<char> line)
    {
        // One vectorised pass instead of two IndexOf scans (a case-insensitive IndexOf was 10 % of the hook's time on a
        // 417 KB build log); the regex below is case-sensitive for exactly these spellings.
        if (line.IndexOfAny(Prefilter) < 0) return -1;
        foreach (var m in StatusRegex().EnumerateMatches(line)) return m.Index;
        return -1;
    }

    private static readonly SearchValues<string> Prefilter = SearchValues.Create(["HTTP/", "status", "Status"], StringComparison.Ordinal);

    [GeneratedRegex(@"(?:HTTP/\d(?:\.\d)?""?\s+|\b[Ss]tatus(?:[ _-]?[Cc]ode)?\s*[=:]?\s*)5\d\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex StatusRegex();
}
