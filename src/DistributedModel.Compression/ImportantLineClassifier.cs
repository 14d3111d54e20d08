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
    public static bool IsImportant(string line) => IsImportant(line.AsSpan());

    /// <summary>As <see cref="IsImportant(string)"/> for a slice of a larger text.</summary>
    public static bool IsImportant(ReadOnlySpan<char> line)
    {
        if (line.Length == 0) return false;
        if (Markers.IsMarker(line)) return true;
        if (line.IndexOfAny(Keywords) >= 0) return true;
        return HasFileLineReference(line) || IsSummary(line);
    }

    private static readonly SearchValues<string> SummaryWords = SearchValues.Create(
    [
        "pass", "skip", "pending", "test", "todo", "deselected", "packages", "build ", "total", "==", "error(s)", "warning(s)",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the line holds a <c>name.ext:line[:col]</c>, <c>name.ext(line[,col])</c> or <c>File "x", line N</c> reference.</summary>
    /// <remarks>A hand-written scan (no regex): it looks only at ':' or '(' followed by a digit, then checks the extension before it.</remarks>
    public static bool HasFileLineReference(string line) => HasFileLineReference(line.AsSpan());

    /// <summary>As <see cref="HasFileLineReference(string)"/> for a slice of a larger text.</summary>
    public static bool HasFileLineReference(ReadOnlySpan<char> s)
    {
        int from = 0;
        while (true)
        {
            int rel = s[from..].IndexOfAny(':', '(');
            if (rel < 0) break;
            int i = from + rel;
            from = i + 1;
            if (i + 1 >= s.Length || !char.IsAsciiDigit(s[i + 1])) continue;
            if (!ExtensionBefore(s, i)) continue;
            int k = i + 1;
            while (k < s.Length && char.IsAsciiDigit(s[k])) k++;
            if (s[i] == ':')
            {
                if (k < s.Length && s[k] == ':' && k + 1 < s.Length && char.IsAsciiDigit(s[k + 1]))
                    for (k++; k < s.Length && char.IsAsciiDigit(s[k]); k++) { }
                if (k == s.Length || !IsWordChar(s[k])) return true;
            }
            else
            {
                if (k < s.Length && s[k] == ',')
                    for (k++; k < s.Length && char.IsAsciiDigit(s[k]); k++) { }
                if (k < s.Length && s[k] == ')') return true;
            }
        }
        return (s.Contains(", line ", StringComparison.Ordinal) || s.Contains(":line ", StringComparison.Ordinal))
            && TracebackLineRegex().IsMatch(s);
    }

    /// <summary>Build/test summary lines: counts of passed/failed/errors, Build FAILED/succeeded, pytest banners.</summary>
    public static bool IsSummary(string line) => IsSummary(line.AsSpan());

    /// <summary>As <see cref="IsSummary(string)"/> for a slice of a larger text.</summary>
    public static bool IsSummary(ReadOnlySpan<char> line) => line.IndexOfAny(SummaryWords) >= 0 && SummaryRegex().IsMatch(line);

    // "name.ext" right before index i: a word char, '.', a letter, then up to 7 letters/digits.
    private static bool ExtensionBefore(ReadOnlySpan<char> s, int i)
    {
        int j = i - 1, len = 0;
        while (j >= 0 && char.IsAsciiLetterOrDigit(s[j]) && len < 9) { j--; len++; }
        if (len is 0 or > 8 || !char.IsAsciiLetter(s[j + 1])) return false;
        return j >= 1 && s[j] == '.' && IsWordChar(s[j - 1]);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    [GeneratedRegex(@"(?:File ""[^""]+"", line \d+|\S+:line \d+)", RegexOptions.CultureInvariant)]
    private static partial Regex TracebackLineRegex();

    [GeneratedRegex(@"\b\d+\s+(?:passed|failed|failing|passing|skipped|pending|errors?|warnings?|Warning\(s\)|Error\(s\)|tests?|todo|xfailed|xpassed|deselected|packages)\b|Build (?:FAILED|succeeded)|\b(?:Passed|Failed)!|Tests? (?:run|result|Suites|Files):|\btest result:|^=+ .* =+$|Total tests:|\bTotal:\s*\d+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SummaryRegex();
}
