using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DistributedModel.Hooks.Routing;

/// <summary>
/// Deterministic, cheap classification of a prompt into lanes by the regexes of <see cref="RoutingRules"/>, and — for a lane
/// with a <c>files</c> rule — by the bulky files of the project the prompt points to (<see cref="WorkspaceFileProbe"/>).
/// Builds the guidance text: header + one line per matched lane, within <c>maxContextBytes</c>.
/// The default patterns have source-generated twins (<see cref="DefaultRoutingPatterns"/>); patterns configured in
/// <c>.claude/dm.json</c> run on the regex interpreter (AOT-safe). Every pattern has a match timeout.
/// </summary>
public sealed class PromptRouter
{
    /// <summary>Match timeout of a configured (dm.json) pattern; they also share the per-prompt budget.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);
    private const int DefaultMaxContextBytes = 600;
    private const long DefaultMinBytes = 32 * 1024;
    private const string FileMarker = "FILE";
    private const int DefaultBudgetMilliseconds = 150;

    /// <summary>Only the first this many characters of a prompt are matched (a pasted log adds nothing but cost).</summary>
    public const int MaxMatchedChars = 8 * 1024;

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
            var files = lane.Files is { Enabled: not false, Guidance: { Length: > 0 } g } f
                ? new CompiledFiles(f.MinBytes ?? DefaultMinBytes, new HashSet<string>(f.SourceExtensions ?? [], StringComparer.OrdinalIgnoreCase),
                    Compile(lane.Lane, f.Exclude), g.Trim())
                : null;
            if (match.Count == 0 && files is null) continue;
            _lanes.Add(new CompiledLane(lane.Lane, match, Compile(lane.Lane, lane.Exclude), lane.Guidance.Trim(), files));
        }
    }

    public RoutingRules Rules { get; }

    /// <summary>Patterns that did not compile (lane and reason); those patterns are skipped.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Routes <paramref name="prompt"/>; with <paramref name="workspace"/>, lanes with a <c>files</c> rule also look at the files it names.</summary>
    /// <remarks>
    /// Bounded: a pattern configured in dm.json has a 50 ms match timeout (<see cref="MatchTimeout"/>) and those patterns
    /// share a total budget per prompt (<c>budgetMilliseconds</c>, default 150); the source-generated defaults are linear and
    /// keep a safety-net timeout only. A pattern that times out, or a spent budget, ends the routing with no hint (fail open)
    /// and a problem in <see cref="RoutingDecision.Problems"/> for the log line.
    /// </remarks>
    public RoutingDecision Route(string prompt, WorkspaceFileProbe? workspace = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (Rules.Enabled == false || prompt.Trim().Length < (Rules.MinPromptChars ?? 0)) return new RoutingDecision([], null);
        if (prompt.Length > MaxMatchedChars) prompt = prompt[..MaxMatchedChars];
        var budget = new Budget(TimeSpan.FromMilliseconds(Math.Max(1, Rules.BudgetMilliseconds ?? DefaultBudgetMilliseconds)));
        try { return Route(prompt, workspace, budget); }
        catch (RoutingAbortedException ex) { return new RoutingDecision([], null) { Problems = [ex.Message] }; }
    }

    private RoutingDecision Route(string prompt, WorkspaceFileProbe? workspace, Budget budget)
    {
        if (_skipIf.Any(r => budget.IsMatch("skipIf", r, prompt))) return new RoutingDecision([], null);

        IReadOnlyList<string>? mentions = null;
        IReadOnlyList<MentionedFile>? mentioned = null;
        var matched = new List<(string Lane, string Guidance)>();
        foreach (var lane in _lanes)
        {
            string? guidance = null;
            if (lane.Files is { } rule && workspace is not null)
            {
                mentions ??= PathMentions.Find(prompt, WorkspaceFileProbe.MaxMentions);
                mentioned ??= mentions.Count == 0 ? [] : workspace.Find(mentions);
                var bulky = mentioned.Where(f => f.Bytes >= rule.MinBytes && !rule.SourceExtensions.Contains(Extension(f.Path))).ToList();
                if (bulky.Count > 0 && !rule.Exclude.Any(r => budget.IsMatch(lane.Name, r, WithMarkers(prompt, mentions))))
                    guidance = FileGuidance(rule.Guidance, bulky);
            }
            if (guidance is null && lane.Match.Any(r => budget.IsMatch(lane.Name, r, prompt))) guidance = lane.Guidance;
            if (guidance is null || lane.Exclude.Any(r => budget.IsMatch(lane.Name, r, prompt))) continue;
            matched.Add((lane.Name, guidance));
        }
        if (matched.Count == 0) return new RoutingDecision([], null);

        int max = Rules.MaxContextBytes ?? DefaultMaxContextBytes;
        var sb = new StringBuilder(Rules.Header?.Trim() ?? string.Empty);
        var used = new List<string>();
        foreach (var (name, guidance) in matched)
        {
            var line = (sb.Length == 0 ? "- " : "\n- ") + guidance;
            if (Encoding.UTF8.GetByteCount(sb.ToString()) + Encoding.UTF8.GetByteCount(line) > max) continue;
            sb.Append(line);
            used.Add(name);
        }
        return used.Count == 0 ? new RoutingDecision([], null) : new RoutingDecision(used, sb.ToString());
    }

    /// <summary><c>logs/deploy.log is 180 KB</c> for <c>{files}</c>, <c>"logs/deploy.log"</c> for <c>{paths}</c>.</summary>
    private static string FileGuidance(string template, List<MentionedFile> files) => template
        .Replace("{files}", string.Join("; ", files.Select(f => f.Path + " is " + Size(f.Bytes))), StringComparison.Ordinal)
        .Replace("{paths}", string.Join(", ", files.Select(f => "\"" + f.Path + "\"")), StringComparison.Ordinal);

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : Math.Round(bytes / 1024.0).ToString(CultureInfo.InvariantCulture) + " KB";

    private static string Extension(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        int dot = name.LastIndexOf('.');
        return dot <= 0 ? "" : name[(dot + 1)..];
    }

    private static string WithMarkers(string prompt, IReadOnlyList<string> mentions)
    {
        var text = prompt;
        foreach (var m in mentions.OrderByDescending(m => m.Length)) text = text.Replace(m, FileMarker, StringComparison.Ordinal);
        return text;
    }

    /// <summary>The per-prompt time budget; a timed-out pattern or a spent budget aborts the routing (no hint).</summary>
    private sealed class Budget(TimeSpan limit)
    {
        private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();

        public bool IsMatch(string lane, Regex regex, string text)
        {
            if (!DefaultRoutingPatterns.IsDefault(regex) && System.Diagnostics.Stopwatch.GetElapsedTime(_start) > limit)
                throw new RoutingAbortedException($"routing budget of {limit.TotalMilliseconds:0} ms spent before lane {lane}; no hint");
            try { return regex.IsMatch(text); }
            catch (RegexMatchTimeoutException)
            {
                throw new RoutingAbortedException($"lane {lane}: a pattern timed out after {regex.MatchTimeout.TotalMilliseconds:0} ms; no hint");
            }
        }
    }

    private sealed class RoutingAbortedException(string message) : Exception(message);

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

    private sealed record CompiledFiles(long MinBytes, HashSet<string> SourceExtensions, List<Regex> Exclude, string Guidance);

    private sealed record CompiledLane(string Name, List<Regex> Match, List<Regex> Exclude, string Guidance, CompiledFiles? Files);
}
