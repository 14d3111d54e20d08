using DistributedModel.Providers.Pricing;

namespace DistributedModel.Cli.Discover;

/// <summary>Everything <c>dm discover</c> found, for the text and HTML writers. The replay totals (<see cref="ContextBefore"/>,
/// <see cref="Surfaced"/>…) cover the sessions that ran without dm (<see cref="Replayed"/>); what dm did in the others is
/// <see cref="Dm"/>.</summary>
public sealed class DiscoverReport
{
    /// <summary>Tokens are estimated as UTF-8 bytes ÷ this (Claude Code's own rough count is characters ÷ 4).</summary>
    public const double BytesPerToken = 4;

    public required string Scope { get; init; }

    public required string ProjectsDir { get; init; }

    public required int Days { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required ModelPrice Price { get; init; }

    public required string PriceName { get; init; }

    public List<string> Warnings { get; } = [];

    public List<SessionFindings> Sessions { get; } = [];

    /// <summary>Sessions that ran without dm: replayed.</summary>
    public IReadOnlyList<SessionFindings> Replayed => Sessions.Where(s => !s.RanWithDm).ToList();

    /// <summary>Sessions that ran with dm: read back, not replayed.</summary>
    public IReadOnlyList<SessionFindings> WithDm => Sessions.Where(s => s.RanWithDm).ToList();

    /// <summary>What dm did over every session that ran with it.</summary>
    public DmRun Dm => new(WithDm.SelectMany(s => s.DmCalls).ToList());

    public IEnumerable<ToolResultFinding> Results => Sessions.SelectMany(s => s.Results);

    public long ContextBefore => Sessions.Sum(s => s.ContextBefore);

    public long ContextAfter => Sessions.Sum(s => s.ContextAfter);

    public int Previews => Sessions.Sum(s => s.Previews);

    public int Surfaced => Sessions.Sum(x => x.Surfaced);

    public int SurfacedErrors => Sessions.Sum(x => x.SurfacedErrors);

    public int SurfacedWarnings => Sessions.Sum(x => x.SurfacedWarnings);

    public int Lost => Sessions.Sum(x => x.Lost);

    public int Prompts => Replayed.Sum(s => s.Transcript.Prompts.Count);

    public int PromptsRouted => Replayed.Sum(s => s.PromptsRouted);

    public Dictionary<string, int> LaneHits => Replayed.SelectMany(s => s.LaneHits)
        .GroupBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);

    public Dictionary<string, int> UnknownTypes => Sessions.SelectMany(s => s.Transcript.UnknownTypes)
        .GroupBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);

    public int UnreadableLines => Sessions.Sum(s => s.Transcript.UnreadableLines);

    public static long Tokens(long bytes) => (long)Math.Round(bytes / BytesPerToken);

    /// <summary>Input tokens at the orchestrator's uncached input price, counted once per result.</summary>
    public decimal Usd(long bytes) => Tokens(bytes) * Price.Input / 1_000_000m;
}
