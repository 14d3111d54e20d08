using System.Text.RegularExpressions;

namespace DistributedModel.Hooks.Routing;

/// <summary>
/// The compiled-in routing rules (what <c>.claude/dm.json</c>'s <c>routing</c> section overrides). Each default pattern is a
/// <c>[GeneratedRegex]</c>: the UserPromptSubmit hook runs once per prompt as a fresh process, and parsing the rules from
/// JSON and the patterns at run time was a third of its time. The rules still carry the pattern text
/// (<see cref="Regex.ToString"/>), so overrides, merging and <see cref="PromptRouter"/> see one format; the router takes
/// the precompiled instance for a pattern that is one of these (<see cref="Precompiled"/>).
/// </summary>
public static partial class DefaultRoutingRules
{
    /// <summary>Options and match timeout of every routing pattern, default or configured.</summary>
    public const RegexOptions PatternOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public const int MatchTimeoutMilliseconds = 50;

    public static RoutingRules Create() => new()
    {
        Enabled = true,
        MaxContextBytes = 600,
        MinPromptChars = 12,
        Header = "Distributed Model hint (skip if it does not fit):",
        SkipIf = [Skip1().ToString()],
        Lanes =
        [
            new RoutingLaneRule
            {
                Lane = "summarize",
                Match = [SummarizeMatch1().ToString(), SummarizeMatch2().ToString()],
                Exclude = [SummarizeExclude1().ToString()],
                Guidance = "Bulky files/logs: call mcp__distributed-model__summarize with the paths and your question instead of reading them into context; Read only the lines it points to.",
            },
            new RoutingLaneRule
            {
                Lane = "scaffold",
                Match = [ScaffoldMatch1().ToString(), ScaffoldMatch2().ToString(), ScaffoldMatch3().ToString()],
                Guidance = "Boilerplate: call mcp__distributed-model__scaffold with a precise spec (names, fields, target files); review and apply its output instead of typing it out.",
            },
            new RoutingLaneRule
            {
                Lane = "consult",
                Match = [ConsultMatch1().ToString(), ConsultMatch2().ToString(), ConsultMatch3().ToString()],
                Guidance = "Design decision: call mcp__distributed-model__consult (a reasoning model; it records the decision in audits/). For contested or costly-to-reverse choices use mcp__distributed-model__tribunal (three independent opinions).",
            },
            new RoutingLaneRule
            {
                Lane = "tribunal",
                Match = [TribunalMatch1().ToString()],
                Guidance = "Contested call: mcp__distributed-model__tribunal asks three providers independently and reports where they agree.",
            },
            new RoutingLaneRule
            {
                Lane = "dispatch",
                Match = [DispatchMatch1().ToString(), DispatchMatch2().ToString(), DispatchMatch3().ToString()],
                Guidance = "Self-contained implementation: mcp__distributed-model__dispatch has a writer model code it on a worktree branch and cross-family reviewers judge the diff; you review the verdict and merge.",
            },
        ],
    };

    /// <summary>The source-generated regex for <paramref name="pattern"/> when it is one of the default patterns, else null.</summary>
    public static Regex? Precompiled(string pattern) =>
        Array.Find(All, r => string.Equals(r.ToString(), pattern, StringComparison.Ordinal));

    private static Regex[] All => [SummarizeMatch1(), SummarizeMatch2(), SummarizeExclude1(), ScaffoldMatch1(), ScaffoldMatch2(), ScaffoldMatch3(), ConsultMatch1(), ConsultMatch2(), ConsultMatch3(), TribunalMatch1(), DispatchMatch1(), DispatchMatch2(), DispatchMatch3(), Skip1()];

    [GeneratedRegex(@"\b(summari[sz]e|summary of|tl;?dr|digest|condense)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeMatch1();

    [GeneratedRegex(@"\b(read|go through|look through|analy[sz]e|scan|triage|skim|dig through)\b[^.?!\n]{0,60}\b(logs?|log files?|build output|test output|stack ?traces?|crash dumps?|transcripts?|(large|big|huge|long|bulky|entire) (files?|outputs?|documents?|codebase))\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeMatch2();

    [GeneratedRegex(@"\bsummari[sz]e (your|the) (changes|work|diff)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeExclude1();

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

    [GeneratedRegex(@"mcp__distributed-model__", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex Skip1();
}
