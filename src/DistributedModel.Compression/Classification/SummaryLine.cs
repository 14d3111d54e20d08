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
        line.Length <= MaxChars && line.IndexOfAny(Words) >= 0 && SummaryRegex().IsMatch(line);

    [GeneratedRegex(
        @"\b\d+\s+(?:passed|passing|failing|pending|skipped|xfailed|xpassed|deselected|todo|tests?|packages?|Warning\(s\)|Error\(s\)|warnings? generated|errors? generated)(?!\w)" +
        @"|\bBuild (?:FAILED|succeeded)|\bTest Run (?:Failed|Successful|Aborted)|\b(?:Passed|Failed)!|\bTests? (?:run|result|Suites|Files):|\btest result:" +
        @"|^\s*=+ .*\b(?:passed|failed|error|errors|skipped|no tests ran)\b.* =+\s*$|\bTotal tests:|\bTotal:\s*\d+|\bTime Elapsed\b" +
        @"|\b(?:Found|found) \d+ (?:errors?|warnings?|vulnerabilit(?:y|ies))\b|\bup to date\b.*\bin \d" +
        @"|\bexit(?:ed)? (?:with )?(?:code|status)\s*[:=]?\s*-?\d+|\bnon-zero exit (?:code|status)|\b[Ee]xit code:?\s*-?\d+|\bProcess (?:completed|finished) with exit code",
        RegexOptions.CultureInvariant)]
    private static partial Regex SummaryRegex();
}
