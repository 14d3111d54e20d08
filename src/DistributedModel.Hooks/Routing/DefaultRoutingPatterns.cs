using System.Text.RegularExpressions;

namespace DistributedModel.Hooks.Routing;

/// <summary>
/// Source-generated twins of the patterns in <c>DefaultRoutingRules.json</c> (the compiled-in routing rules). The
/// UserPromptSubmit hook runs once per prompt as a fresh process, and parsing 14 patterns for the regex interpreter was
/// a quarter of its time. The rules stay data: <see cref="PromptRouter"/> takes the twin of a pattern whose text is one of
/// these (<see cref="Precompiled"/>) and interprets any other. A test fails when the JSON has a pattern without a twin.
/// </summary>
public static partial class DefaultRoutingPatterns
{
    /// <summary>Options and match timeout of every routing pattern, default or configured.</summary>
    public const RegexOptions PatternOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public const int MatchTimeoutMilliseconds = 50;

    /// <summary>The source-generated regex for <paramref name="pattern"/> when it is one of the default patterns, else null.</summary>
    public static Regex? Precompiled(string pattern) =>
        Array.Find(All, r => string.Equals(r.ToString(), pattern, StringComparison.Ordinal));

    private static readonly Regex[] All = [Skip1(), SummarizeMatch1(), SummarizeMatch2(), SummarizeExclude1(), SummarizeFileExclude1(), SummarizeFileExclude2(), ScaffoldMatch1(), ScaffoldMatch2(), ScaffoldMatch3(), ConsultMatch1(), ConsultMatch2(), ConsultMatch3(), TribunalMatch1(), DispatchMatch1(), DispatchMatch2(), DispatchMatch3()];

    [GeneratedRegex(@"mcp__distributed-model__", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex Skip1();

    [GeneratedRegex(@"\b(summari[sz]e|summary of|tl;?dr|digest|condense)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeMatch1();

    [GeneratedRegex(@"\b(read|go through|look through|analy[sz]e|scan|triage|skim|dig through)\b[^.?!\n]{0,60}\b(logs?|log files?|build output|test output|stack ?traces?|crash dumps?|transcripts?|(large|big|huge|long|bulky|entire) (files?|outputs?|documents?|codebase))\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeMatch2();

    [GeneratedRegex(@"\bsummari[sz]e (your|the) (changes|work|diff)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeExclude1();

    [GeneratedRegex(@"\b(fix|edit|change|modify|update|rename|move|delete|remove|rm|add|bump|refactor|rewrite|reformat|format|replace|append|insert|truncate|clean ?up|commit|stage|revert|copy|cp|mv|chmod|gzip|zip|compress)\b[^.,?!\n]{0,40}\bFILE\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeFileExclude1();

    [GeneratedRegex(@"\b(first|last|top|bottom) (\d+ |few )?lines\b|\b(head|tail|cat|wc|ls)\b|\.?gitignore\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeFileExclude2();

    [GeneratedRegex(@"\b(scaffold(ing)?|boilerplate|stub out|skeleton)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ScaffoldMatch1();

    [GeneratedRegex(@"\bcrud\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ScaffoldMatch2();

    [GeneratedRegex(@"\b(generate|create|add|write)\b[^.?!\n]{0,40}\b(dtos?|entit(y|ies)|repositor(y|ies)|controllers?|migrations?|mappers?|poco|getters and setters)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ScaffoldMatch3();

    [GeneratedRegex(@"\b(architecture|architectural|design decision|design choice|trade-?offs?|pros and cons)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ConsultMatch1();

    [GeneratedRegex(@"\bshould (we|i) (use|choose|pick|adopt|go with|switch to|migrate to)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ConsultMatch2();

    [GeneratedRegex(@"\bwhich (approach|database|framework|library|pattern|design|architecture)\b[^.?!\n]{0,40}\b(better|best|should|choose|pick|use)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ConsultMatch3();

    [GeneratedRegex(@"\b(second opinion|independent (opinions|reviews)|tribunal|cross-?check (this|the|my) (design|plan|decision))\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex TribunalMatch1();

    [GeneratedRegex(@"\b(implement|build out|code up)\b[^.?!\n]{0,80}\b(feature|endpoint|service|module|command|support|api|component|integration|client|parser)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex DispatchMatch1();

    [GeneratedRegex(@"\badd (a |an )?(new )?(feature|endpoint|command|module|integration)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex DispatchMatch2();

    [GeneratedRegex(@"\badd support for\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex DispatchMatch3();
}
