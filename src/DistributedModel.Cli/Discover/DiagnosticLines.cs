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

    /// <summary>
    /// Diagnostic lines of <paramref name="full"/> that <paramref name="context"/> lacks and <paramref name="ours"/> shows
    /// (<c>Shown</c>), and those <paramref name="ours"/> lacks too (<c>Missing</c>: a compression loss; the engine promises none).
    /// A line longer than the compressor's line limit counts as shown when its first 200 characters are.
    /// </summary>
    public static (DiagnosticCounts Shown, DiagnosticCounts Missing, DiagnosticCounts InContext) Compare(string full, string context, string ours)
    {
        int se = 0, sw = 0, me = 0, mw = 0, ce = 0, cw = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in full.AsSpan().Split('\n'))
        {
            var line = full.AsSpan(range).TrimEnd('\r');
            var kind = Classify(line);
            if (kind == Kind.None) continue;
            var text = line.ToString();
            if (!seen.Add(text)) continue;
            var probe = text.Length > 1000 ? text[..200] : text;
            bool inContext = context.Contains(probe, StringComparison.Ordinal);
            bool inOurs = ours.Contains(probe, StringComparison.Ordinal);
            bool err = kind == Kind.Error;
            if (inContext) { if (err) ce++; else cw++; }
            else if (inOurs) { if (err) se++; else sw++; }
            if (!inOurs) { if (err) me++; else mw++; }
        }
        return (new(se, sw), new(me, mw), new(ce, cw));
    }

    [GeneratedRegex(@"\berror\b|\berrors\b|\bfatal\b|\bfailed\b|\bfailure\b|\bexception\b|\bpanic(ked)?\b|\btraceback\b|npm ERR!|\bFAIL\b|\bundefined reference\b|\bsegmentation fault\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Error();

    [GeneratedRegex(@"\bwarn(ing)?s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Warning();

    [GeneratedRegex(@"\b0 (error|warning|failed|failure)(\(s\)|s)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZeroCount();
}
