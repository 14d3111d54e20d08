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

    /// <summary>Safety net only: these patterns are ours and linear; a configured pattern gets <see cref="PromptRouter.MatchTimeout"/>.</summary>
    public const int MatchTimeoutMilliseconds = 1000;

    /// <summary>The source-generated regex for <paramref name="pattern"/> when it is one of the default patterns, else null.</summary>
    public static Regex? Precompiled(string pattern) =>
        Array.Find(All, r => string.Equals(r.ToString(), pattern, StringComparison.Ordinal));

    /// <summary>True for one of the source-generated default patterns (not subject to the configured patterns' budget).</summary>
    public static bool IsDefault(Regex regex) => Array.IndexOf(All, regex) >= 0;

    private static readonly Regex[] All = [Skip1(), SummarizeMatch1(), SummarizeMatch2(), SummarizeMatch3(), SummarizeExclude1(), SummarizeExclude2(), SummarizeExclude3(), SummarizeExclude4(), SummarizeFileExclude1(), SummarizeFileExclude2(), ScaffoldMatch1(), ScaffoldMatch2(), ScaffoldMatch3(), ScaffoldMatch4(), ScaffoldMatch5(), ScaffoldExclude1(), ScaffoldExclude2(), ConsultMatch1(), ConsultMatch2(), ConsultMatch3(), ConsultMatch4(), ConsultMatch5(), ConsultMatch6(), ConsultMatch7(), ConsultMatch8(), ConsultMatch9(), ConsultExclude1(), ConsultExclude2(), TribunalMatch1(), TribunalMatch2(), TribunalExclude1(), DispatchMatch1(), DispatchMatch2(), DispatchMatch3(), DispatchExclude1(), DispatchExclude2()];

    [GeneratedRegex(@"mcp__(plugin_distributed-model_)?distributed-model__", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex Skip1();

    [GeneratedRegex(@"\b(summari[sz]e|summeri[sz]e|sumari[sz]e|summary of|give me a summary|tl;?dr|digest|condense|gist|recap|highlights of|key takeaways|main points|overview of)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeMatch1();

    [GeneratedRegex(@"\b(read|go (through|thru|over)|look (through|thru|at|over)|analy[sz]e|scan|triage|skim|dig (through|thru|into)|parse through|check|find|make sense of|explain|what('?s| is| does)?( wrong)? (in|with)|what happened in|what does)\b[^.?!\n]{0,60}\b(logs?|log files?|syslog|journal|dmesg|events dump|(build|test|compiler|ci|gradle|mvn|maven|npm|cargo|pytest|jest|webpack|profiler|terraform|test suite) (output|logs?|results?|stats)|stack ?traces?|(crash|heap|core|thread) ?dumps?|transcripts?|(large|big|huge|long|bulky|entire|whole) (files?|outputs?|documents?|codebase|json|csv|logs?|dump))\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeMatch2();

    [GeneratedRegex(@"\b(\d+ ?(mb|gb|kb|k)|thousands of lines|(\d{3,}|like \d{3,}) lines)\b[^.?!\n]{0,40}\b(logs?|files?|output|dump|warnings|errors)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeMatch3();

    [GeneratedRegex(@"\b(summari[sz]e|summary|tl;?dr|recap)\b[^.?!\n]{0,30}\b((your|my|our|the) (changes|work|diff|commits?|pr)|what (you|we)( just)? did|the conversation|this conversation|so far|today|this session)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeExclude1();

    [GeneratedRegex(@"\b(the|our|this|that|a) (summari[sz]e|summary|digest|tl;?dr)( \w+)? (command|tool|tests?|test suite|folder|directory|module|endpoint|page|screen|loader|function|method|class|step|row|field|column|header|statistic|auth|comment)s?\b|\b(summari[sz]e|summary|digest|tl;?dr)(\(\)|\()", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeExclude2();

    [GeneratedRegex(@"\b(this|that|the following) (stack ?trace|log line|error message|exception|warning)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeExclude3();

    [GeneratedRegex(@"\blog (line|statement|level|message|entry|rotation|retention)s?\b|\b(delete|remove|rotate|clean ?up|gitignore|ignore|tail|print)\b[^.?!\n]{0,30}\blogs?\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeExclude4();

    [GeneratedRegex(@"\b(fix|edit|change|modify|update|rename|move|delete|remove|rm|add|bump|refactor|rewrite|reformat|format|replace|append|insert|truncate|clean ?up|commit|stage|revert|copy|cp|mv|chmod|gzip|zip|compress)\b[^.,?!\n]{0,40}\bFILE\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeFileExclude1();

    [GeneratedRegex(@"\b(first|last|top|bottom) (\d+ |few )?lines\b|\b(head|tail|cat|wc|ls)\b|\.?gitignore\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex SummarizeFileExclude2();

    [GeneratedRegex(@"\b(scaffold(ing)?|boiler ?plate|stubs?|stub out|skeleton|template out|bootstrap|starter|placeholder|repetitive)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ScaffoldMatch1();

    [GeneratedRegex(@"\bcrud\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ScaffoldMatch2();

    [GeneratedRegex(@"\bempty (\w+ )?(files|classes|facts?|tests|implementations|methods|views?|view models?)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ScaffoldMatch3();

    [GeneratedRegex(@"\b(generate|genrate|create|add|write|make|produce|spin up|set up|give me)\b[^.?!\n]{0,50}\b(dtos?|entit(y|ies)|repositor(y|ies)|repository interfaces|controllers?|migrations?|mappers?|pocos?|getters and setters|model classes|types|interfaces|mocks?|fakes?|fixtures?|builders?|builder classes|serializers?|viewsets?|test classes|dockerfile|docker-compose|compose file|(actions|ci) workflow|helm chart|makefile|terraform module|equals|hashcode|tostring|enum)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ScaffoldMatch4();

    [GeneratedRegex(@"\b(create|set up|spin up|bootstrap|make( me)?|write|add|generate)( (a|an|the))? (new|basic|standard|starter|empty|minimal) (\w+ ){0,2}(project|package|module|component|page|service|server|app|microservice|extension)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ScaffoldMatch5();

    [GeneratedRegex(@"\bskeleton (loader|screen|ui|state)s?\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ScaffoldExclude1();

    [GeneratedRegex(@"\b(the|our|this|that|a) (scaffold|crud|skeleton|boilerplate)( \w+)? (command|tool|tests?|test suite|folder|directory|module|endpoint|page|screen|loader|function|method|class|step|row|field|column|header|statistic|auth|comment)s?\b|\b(scaffold|crud|skeleton|boilerplate)(\(\)|\()", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ScaffoldExclude2();

    [GeneratedRegex(@"\b(architecture|architectural|design (decision|choice|question)|design-wise|trade-?offs?|pros and cons|pros/cons)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ConsultMatch1();

    [GeneratedRegex(@"\b[\w-]+ (vs\.?|versus) [\w-]+", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ConsultMatch2();

    [GeneratedRegex(@"\bshould (we|i) (use|choose|pick|adopt|go with|switch|migrate|move|standardi[sz]e|split|replace|introduce|build|buy|rewrite|drop)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ConsultMatch3();

    [GeneratedRegex(@"\bshould the [\w-]+( [\w-]+)? (talk|live|call|own|use)\b|\bwhere should\b[^.?!\n]{0,30}\b(live|go)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ConsultMatch4();

    [GeneratedRegex(@"\b(which|what)\b[^.?!\n]{0,20}\b(approach|database|db|framework|library|pattern|design|architecture|orm|queue|broker|strategy|stack)\b[^.?!\n]{0,50}\b(better|best|should|choose|pick|use|recommend|standardi[sz]e)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ConsultMatch5();

    [GeneratedRegex(@"\b(is it (better|a good idea|worth)|worth it|overkill|good enough|the right way|best way|right approach|your take on|help me (decide|choose|pick)|decide (on|between)|evaluate whether|recommend an? (\w+ ){0,2}(approach|strategy|library|tool|database))\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ConsultMatch6();

    [GeneratedRegex(@"\b(does|would) (it|a|an|this|that)\b[^.?!\n]{0,40}\bmake sense\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ConsultMatch7();

    [GeneratedRegex(@"\bhow (should|would|do) (we|i|you)( want to)? (design|structure|model|architect|split|handle|organi[sz]e)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ConsultMatch8();

    [GeneratedRegex(@"\b(pick|choose|decide|select)\b[^.?!\n]{0,30}\b(or|between)\b|\b[\w-]+ or [\w-]+( [\w-]+)? (for|here)\b|: ?[\w-]+ or [\w-]+\b|\bcompare [\w-]+ (and|with|to) [\w-]+\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ConsultMatch9();

    [GeneratedRegex(@"\b(explain|describe|what is|what's) the architecture of\b|\btrade-?offs? (you|i|we) (just )?made\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ConsultExclude1();

    [GeneratedRegex(@"\b(the|our|this|that|a) (architecture|consult|design)( \w+)? (command|tool|tests?|test suite|folder|directory|module|endpoint|page|screen|loader|function|method|class|step|row|field|column|header|statistic|auth|comment)s?\b|\b(architecture|consult|design)(\(\)|\()", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex ConsultExclude2();

    [GeneratedRegex(@"\b(second (opinion|opinon|pair of eyes)|independent (opinions?|reviews?|reviewers|critique)|tribunal|panel of (reviewers|models|judges)|(other|several|multiple|different|a few|three|two|couple of)( different)? (ai'?s|models|llms|reviewers)|another model|consensus|devil'?s advocate)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex TribunalMatch1();

    [GeneratedRegex(@"\b(sanity[- ]check|cross-?check|double[- ]check)( (my|the|this|our))? (reasoning|plan|design|decision|proposal|approach|idea)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex TribunalMatch2();

    [GeneratedRegex(@"\b(the|our|this|that|a) (tribunal)( \w+)? (command|tool|tests?|test suite|folder|directory|module|endpoint|page|screen|loader|function|method|class|step|row|field|column|header|statistic|auth|comment)s?\b|\b(tribunal)(\(\)|\()", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex TribunalExclude1();

    [GeneratedRegex(@"\b(implement|implment|impliment|build( out)?|code up|develop|add|create|write)( (a|an|the|some|new|basic|small|simple|proper|full|our))*( (?!(to|in|on|into|for|of|at|from|with|before|after)\b)[\w/-]+){0,3}? (feature|endpoint|service|module|command|support|api|component|integration|client|parser|flow|job|worker|queue|rate limiter|cache|caching|import(er)?|export|webhooks?( receiver)?|notifications?|login|oauth|two factor|2fa|totp|search|filtering|sorting|pagination|dark mode|i18n|audit trail|soft delete|undo|redo|retries|backoff|graceful shutdown|health check|metrics|sync|tool|generation|uploads?|flag|option|mode)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex DispatchMatch1();

    [GeneratedRegex(@"\badd support for\b|\bimplement (that|this)\b|\bwrite the code (to|for|that)\b|^\s*(please )?support [\w-]+ing\b|\bmake the [\w-]+ support\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex DispatchMatch2();

    [GeneratedRegex(@"\b(write|implement|add|build|create)\b[^.?!\n]{0,80}\bwith (unit |integration )?tests\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex DispatchMatch3();

    [GeneratedRegex(@"\bto the (docs|readme|documentation|changelog)\b|\b(branch|commit|pr|pull request|issue|ticket) (called|named)\b", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex DispatchExclude1();

    [GeneratedRegex(@"\b(the|our|this|that|a) (dispatch)( \w+)? (command|tool|tests?|test suite|folder|directory|module|endpoint|page|screen|loader|function|method|class|step|row|field|column|header|statistic|auth|comment)s?\b|\b(dispatch)(\(\)|\()", PatternOptions, MatchTimeoutMilliseconds)]
    private static partial Regex DispatchExclude2();
}
