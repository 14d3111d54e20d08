using System.Buffers;
using System.Text.RegularExpressions;

namespace DistributedModel.Compression;

/// <summary>
/// Decides which lines must survive compression: errors, warnings, failures, exceptions, panics, tracebacks,
/// <c>file:line[:col]</c> references and summary lines (<c>Build FAILED</c>, <c>3 failed, 120 passed</c>).
/// A cheap character pre-filter runs before any regex, so clean lines cost a few nanoseconds.
/// </summary>
public static partial class ImportantLineClassifier
{
    private static readonly SearchValues<string> Keywords = SearchValues.Create(
    [
        "error", "warn", "fail", "exception", "panic", "traceback", "fatal", "critical", "assert",
        "denied", "segmentation fault", "undefined reference", "not found", "unhandled", "crash",
        "abort", "timed out", "timeout", "npm err", "stack trace", "caused by",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the line must be kept verbatim.</summary>
    public static bool IsImportant(string line)
    {
        if (line.Length == 0) return false;
        if (Markers.IsMarker(line)) return true;
        if (line.AsSpan().IndexOfAny(Keywords) >= 0) return true;
        return HasFileLineReference(line) || IsSummary(line);
    }

    /// <summary>True when the line holds a <c>path.ext:line</c>, <c>path.ext(line,col)</c> or <c>File "x", line N</c> reference.</summary>
    public static bool HasFileLineReference(string line)
    {
        int colon = line.IndexOf(':'), paren = line.IndexOf('(');
        bool lineWord = line.Contains(", line ", StringComparison.Ordinal) || line.Contains(":line ", StringComparison.Ordinal);
        if (colon < 0 && paren < 0 && !lineWord) return false;
        return FileLineRegex().IsMatch(line) || (lineWord && TracebackLineRegex().IsMatch(line));
    }

    /// <summary>Build/test summary lines: counts of passed/failed/errors, Build FAILED/succeeded, pytest banners.</summary>
    public static bool IsSummary(string line) =>
        line.AsSpan().IndexOfAnyInRange('0', '9') >= 0 || line.Contains("Build ", StringComparison.Ordinal)
            ? SummaryRegex().IsMatch(line)
            : false;


    // Only presence matters, so match the distinctive tail "name.ext:12" / "name.ext(12,5)" — no leading path scan.
    [GeneratedRegex(@"\w\.[A-Za-z][A-Za-z0-9]{0,7}(?::\d+(?::\d+)?\b|\(\d+(?:,\d+)?\))", RegexOptions.CultureInvariant)]
    private static partial Regex FileLineRegex();

    [GeneratedRegex(@"(?:File ""[^""]+"", line \d+|\S+:line \d+)", RegexOptions.CultureInvariant)]
    private static partial Regex TracebackLineRegex();

    [GeneratedRegex(@"\b\d+\s+(?:passed|failed|failing|passing|skipped|pending|errors?|warnings?|Warning\(s\)|Error\(s\)|tests?|todo|xfailed|xpassed|deselected|packages)\b|Build (?:FAILED|succeeded)|\b(?:Passed|Failed)!|Tests? (?:run|result|Suites|Files):|\btest result:|^=+ .* =+$|Total tests:|\bTotal:\s*\d+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SummaryRegex();
}
