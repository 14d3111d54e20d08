using System.Text;
using System.Text.RegularExpressions;

namespace DistributedModel.Hooks.Routing;

/// <summary>
/// Deterministic, cheap classification of a prompt into lanes by the regexes of <see cref="RoutingRules"/>.
/// Builds the guidance text: header + one line per matched lane, within <c>maxContextBytes</c>.
/// The default patterns have source-generated twins (<see cref="DefaultRoutingPatterns"/>); patterns configured in
/// <c>.claude/dm.json</c> run on the regex interpreter (AOT-safe). Every pattern has a match timeout.
/// </summary>
public sealed class PromptRouter
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(DefaultRoutingPatterns.MatchTimeoutMilliseconds);
    private const int DefaultMaxContextBytes = 600;

    private readonly List<CompiledLane> _lanes = [];
    private readonly List<Regex> _skipIf;
    private readonly List<string> _problems = [];

    public PromptRouter(RoutingRules rules)
    {
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _skipIf = Compile("skipIf", rules.SkipIf);
        foreach (var lane in rules.Lanes ?? [])
        {
            if (lane.Enabled == false || string.IsNullOrWhiteSpace(lane.Lane) || string.IsNullOrWhiteSpace(lane.Guidance)) continue;
            var match = Compile(lane.Lane, lane.Match);
            if (match.Count == 0) continue;
            _lanes.Add(new CompiledLane(lane.Lane, match, Compile(lane.Lane, lane.Exclude), lane.Guidance.Trim()));
        }
    }

    public RoutingRules Rules { get; }

    /// <summary>Patterns that did not compile (lane and reason); those patterns are skipped.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public RoutingDecision Route(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (Rules.Enabled == false || prompt.Trim().Length < (Rules.MinPromptChars ?? 0)) return new RoutingDecision([], null);
        if (_skipIf.Any(r => SafeIsMatch(r, prompt))) return new RoutingDecision([], null);
        var matched = _lanes.Where(l => Matches(l, prompt)).ToList();
        if (matched.Count == 0) return new RoutingDecision([], null);

        int max = Rules.MaxContextBytes ?? DefaultMaxContextBytes;
        var sb = new StringBuilder(Rules.Header?.Trim() ?? string.Empty);
        var used = new List<string>();
        foreach (var lane in matched)
        {
            var line = (sb.Length == 0 ? "- " : "\n- ") + lane.Guidance;
            if (Encoding.UTF8.GetByteCount(sb.ToString()) + Encoding.UTF8.GetByteCount(line) > max) continue;
            sb.Append(line);
            used.Add(lane.Name);
        }
        return used.Count == 0 ? new RoutingDecision([], null) : new RoutingDecision(used, sb.ToString());
    }

    private static bool Matches(CompiledLane lane, string prompt) =>
        lane.Match.Any(r => SafeIsMatch(r, prompt)) && !lane.Exclude.Any(r => SafeIsMatch(r, prompt));

    private static bool SafeIsMatch(Regex regex, string text)
    {
        try { return regex.IsMatch(text); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    private List<Regex> Compile(string lane, IReadOnlyList<string>? patterns)
    {
        var list = new List<Regex>();
        foreach (var p in patterns ?? [])
        {
            if (string.IsNullOrEmpty(p)) continue;
            try { list.Add(DefaultRoutingPatterns.Precompiled(p) ?? new Regex(p, DefaultRoutingPatterns.PatternOptions, MatchTimeout)); }
            catch (ArgumentException) { _problems.Add($"lane {lane}: invalid pattern"); }
        }
        return list;
    }

    private sealed record CompiledLane(string Name, List<Regex> Match, List<Regex> Exclude, string Guidance);
}
