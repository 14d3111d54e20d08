using System.Buffers;
using System.Text.RegularExpressions;

namespace DistributedModel.Compression;

/// <summary>
/// Build, test and install summaries and exit statuses: <c>Build FAILED.</c>, <c>2 Error(s)</c>,
/// <c>Failed!  - Failed: 4, Passed: 122</c>, <c>test result: FAILED. 30 passed; 3 failed</c>, <c>=== 3 failed in 1s ===</c>,
/// <c>added 211 packages in 9s</c>, <c>exit code 1</c>, <c>Time Elapsed 00:00:12.54</c>.
/// A bare "13 failed" (a log record about order 13) is not one: counts must name tests, packages or diagnostics.
/// </summary>
public static partial class SummaryLine
{
    private static readonly SearchValues<string> Words = SearchValues.Create(
    [
        "pass", "skip", "pending", "test", "todo", "deselected", "package", "build ", "total", "==", "(s)", "error", "warning",
        "elapsed", "exit", "fail", "up to date",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>Longest line that can be a summary.</summary>
    public const int MaxChars = 400;

    public static bool Is(ReadOnlySpan<char> line) =>
        line.Length <= MaxChars && line.IndexOfAny(Words) >= 0 && MayMatch(line) && SummaryRegex().IsMatch(line);

    /// <summary><see cref="Is"/> without the <see cref="MayMatch"/> shortcut: the tests hold the two equal on real output.</summary>
    internal static bool IsWithoutShortcut(ReadOnlySpan<char> line) =>
        line.Length <= MaxChars && line.IndexOfAny(Words) >= 0 && SummaryRegex().IsMatch(line);

    /// <summary>Phrases one of which every alternative of <see cref="SummaryRegex"/> holds, unless it holds a number followed
    /// by white space and a counted word (<c>3 passed</c>, <c>Found 2 errors</c>) or starts with <c>=</c> (pytest's banner).</summary>
    private static readonly SearchValues<string> Phrases = SearchValues.Create(
        ["Build ", "Test", "test result:", "ed!", "Total", "Time Elapsed", "xit", "up to date", "Process "], StringComparison.Ordinal);

    /// <summary>
    /// A necessary condition of the regex, checked first because it is far cheaper: grep hits over test code hold
    /// "test" and "error" on most lines, and the regex cost 15 % of the hook's time on a 274 KB grep result.
    /// </summary>
    private static bool MayMatch(ReadOnlySpan<char> line)
    {
        // Non-ASCII text may hold digits of other scripts, which the regex's \d also matches.
        if (line.ContainsAny(Phrases) || line.TrimStart().StartsWith('=') || !System.Text.Ascii.IsValid(line)) return true;
        int i = 0;
        while (i < line.Length)
        {
            int rel = line[i..].IndexOfAnyInRange('0', '9');
            if (rel < 0) return false;
            i += rel;
            while (i < line.Length && char.IsAsciiDigit(line[i])) i++;
            if (i == line.Length || !char.IsWhiteSpace(line[i])) continue;
            while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            if (StartsWithCountedWord(line[i..])) return true;
        }
        return false;
    }

    private static bool StartsWithCountedWord(ReadOnlySpan<char> rest)
    {
        foreach (var word in CountedWords) if (rest.StartsWith(word, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>What a count must be followed by (after white space) for the regex to match it: the words of its
    /// <c>\d+\s+(?:…)</c> and <c>Found \d+ (?:…)</c> alternatives, cut to a common start, with the regex's case.</summary>
    private static readonly string[] CountedWords =
        ["pass", "fail", "pend", "skip", "xfail", "xpass", "deselected", "todo", "test", "packag", "Warning(s)", "Error(s)", "warning", "error", "vulnerabilit"];

    [GeneratedRegex(
        @"\b\d+\s+(?:passed|passing|failing|pending|skipped|xfailed|xpassed|deselected|todo|tests?|packages?|Warning\(s\)|Error\(s\)|warnings? generated|errors? generated)(?!\w)" +
        @"|\bBuild (?:FAILED|succeeded)|\bTest Run (?:Failed|Successful|Aborted)|\b(?:Passed|Failed)!|\bTests? (?:run|result|Suites|Files):|\btest result:" +
        @"|^\s*=+ .*\b(?:passed|failed|error|errors|skipped|no tests ran)\b.* =+\s*$|\bTotal tests:|\bTotal:\s*\d+|\bTime Elapsed\b" +
        @"|\b(?:Found|found) \d+ (?:errors?|warnings?|vulnerabilit(?:y|ies))\b|\bup to date\b.*\bin \d" +
        @"|\bexit(?:ed)? (?:with )?(?:code|status)\s*[:=]?\s*-?\d+|\bnon-zero exit (?:code|status)|\b[Ee]xit code:?\s*-?\d+|\bProcess (?:completed|finished) with exit code",
        RegexOptions.CultureInvariant)]
    private static partial Regex SummaryRegex();
}
