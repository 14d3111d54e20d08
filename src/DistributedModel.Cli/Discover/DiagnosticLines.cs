using System.Text.RegularExpressions;

namespace DistributedModel.Cli.Discover;

/// <summary>Errors and warnings counted per tool result (distinct lines).</summary>
public readonly record struct DiagnosticCounts(int Errors, int Warnings)
{
    public static DiagnosticCounts operator +(DiagnosticCounts a, DiagnosticCounts b) => new(a.Errors + b.Errors, a.Warnings + b.Warnings);

    public bool Any => Errors > 0 || Warnings > 0;
}

/// <summary>
/// Error and warning lines of a tool output (compiler and linter diagnostics, test failures, exceptions, tracebacks,
/// <c>npm ERR!</c>), and which of them a given context text shows. Summary lines that report zero (<c>0 Error(s)</c>,
/// <c>0 warnings</c>) are not diagnostics.
/// </summary>
public static partial class DiagnosticLines
{
    public enum Kind { None, Warning, Error }

    public static Kind Classify(ReadOnlySpan<char> line)
    {
        if (line.Length == 0) return Kind.None;
        if (line.Length > 4096) line = line[..4096];
        if (ZeroCount().IsMatch(line)) return Of(ZeroCount().Replace(line.ToString(), ""));
        return Of(line);
    }

    private static Kind Of(ReadOnlySpan<char> line)
    {
        if (Error().IsMatch(line)) return Kind.Error;
        return Warning().IsMatch(line) ? Kind.Warning : Kind.None;
    }

    /// <summary>A distinct diagnostic line of a full output and where it appears.</summary>
    public readonly record struct Occurrence(string Line, Kind Kind, bool InContext, bool InOurs);

    /// <summary>
    /// The distinct error/warning lines of <paramref name="full"/>, each with whether <paramref name="context"/> (what the
    /// model saw) and <paramref name="ours"/> (what dm would have sent) show it. A line longer than the compressor's line
    /// limit counts as shown when its first 200 characters are.
    /// </summary>
    public static List<Occurrence> Find(string full, string context, string ours)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ours);
        var list = new List<Occurrence>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in full.AsSpan().Split('\n'))
        {
            var line = full.AsSpan(range).TrimEnd('\r');
            var kind = Classify(line);
            if (kind == Kind.None) continue;
            var text = line.ToString();
            if (!seen.Add(text)) continue;
            var probe = text.Length > 1000 ? text[..200] : text;
            list.Add(new Occurrence(text, kind, context.Contains(probe, StringComparison.Ordinal), ours.Contains(probe, StringComparison.Ordinal)));
        }
        return list;
    }

    /// <summary>
    /// Counts of <see cref="Find"/>: lines the context lacked and ours shows (<c>Shown</c>), and lines ours lacks too
    /// (<c>Missing</c>: a compression loss; the engine promises none).
    /// </summary>
    public static (DiagnosticCounts Shown, DiagnosticCounts Missing) Compare(string full, string context, string ours)
    {
        var lines = Find(full, context, ours);
        static DiagnosticCounts Count(IEnumerable<Occurrence> o) =>
            new(o.Count(x => x.Kind == Kind.Error), o.Count(x => x.Kind == Kind.Warning));
        return (Count(lines.Where(x => !x.InContext && x.InOurs)), Count(lines.Where(x => !x.InOurs)));
    }

    [GeneratedRegex(@"\berror\b|\berrors\b|\bfatal\b|\bfailed\b|\bfailure\b|\bexception\b|\bpanic(ked)?\b|\btraceback\b|npm ERR!|\bFAIL\b|\bundefined reference\b|\bsegmentation fault\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Error();

    [GeneratedRegex(@"\bwarn(ing)?s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Warning();

    [GeneratedRegex(@"\b0 (error|warning|failed|failure)(\(s\)|s)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZeroCount();
}
