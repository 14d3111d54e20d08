using System.Globalization;
using System.Text;

namespace DistributedModel.Testing.Routing;

/// <summary>Precision and recall of one lane: a prompt counts for the lane when the router names it.</summary>
public sealed record LaneScore(string Lane, int Expected, int TruePositives, int FalsePositives)
{
    public double Recall => Expected == 0 ? 1 : (double)TruePositives / Expected;

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
}

/// <summary>
/// Scores a router on labelled prompts. Recall: share of a lane's prompts whose hint names that lane. Overall recall: share of
/// lane prompts whose hint names their lane. False-positive rate: share of neutral prompts that get any hint.
/// </summary>
public sealed class RoutingScore
{
    private RoutingScore(IReadOnlyList<LaneScore> lanes, int lanePrompts, int laneHits, int neutral, int neutralHit,
        IReadOnlyList<(LabelledPrompt Prompt, IReadOnlyList<string> Got)> misses)
    {
        Lanes = lanes;
        LanePrompts = lanePrompts;
        LaneHits = laneHits;
        Neutral = neutral;
        NeutralHit = neutralHit;
        Misses = misses;
    }

    public IReadOnlyList<LaneScore> Lanes { get; }
    public int LanePrompts { get; }
    public int LaneHits { get; }
    public int Neutral { get; }
    public int NeutralHit { get; }

    /// <summary>Prompts whose hint is wrong: a lane prompt without its lane, or a neutral prompt with any lane.</summary>
    public IReadOnlyList<(LabelledPrompt Prompt, IReadOnlyList<string> Got)> Misses { get; }

    public double Recall => LanePrompts == 0 ? 1 : (double)LaneHits / LanePrompts;

    public double FalsePositiveRate => Neutral == 0 ? 0 : (double)NeutralHit / Neutral;

    /// <summary>Routes every prompt (<paramref name="route"/> gets the prompt and its workspace directory) and scores the lanes.</summary>
    public static RoutingScore Measure(IReadOnlyList<LabelledPrompt> prompts, IReadOnlyList<string> workspaces,
        Func<string, string, IReadOnlyList<string>> route)
    {
        var got = prompts.Select((p, i) => route(p.Prompt, workspaces[i])).ToList();
        var lanes = RoutingCorpus.Lanes.Select(lane => new LaneScore(lane,
            prompts.Count(p => p.Lane == lane),
            prompts.Where((p, i) => p.Lane == lane && got[i].Contains(lane)).Count(),
            prompts.Where((p, i) => p.Lane != lane && got[i].Contains(lane)).Count())).ToList();
        var misses = prompts.Select((p, i) => (p, got[i]))
            .Where(x => x.p.Lane == RoutingCorpus.None ? x.Item2.Count > 0 : !x.Item2.Contains(x.p.Lane))
            .Select(x => (x.p, (IReadOnlyList<string>)x.Item2)).ToList();
        return new RoutingScore(lanes,
            prompts.Count(p => p.Lane != RoutingCorpus.None),
            prompts.Where((p, i) => p.Lane != RoutingCorpus.None && got[i].Contains(p.Lane)).Count(),
            prompts.Count(p => p.Lane == RoutingCorpus.None),
            prompts.Where((p, i) => p.Lane == RoutingCorpus.None && got[i].Count > 0).Count(),
            misses);
    }

    /// <summary>The routing table: one row per lane, then the totals.</summary>
    public string Table(string title)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"{title}\n| {"lane",-10} | {"prompts",7} | {"hits",5} | {"recall",7} | {"wrong hints",11} | {"precision",9} |\n");
        sb.Append(c, $"|{new string('-', 12)}|{new string('-', 9)}|{new string('-', 7)}|{new string('-', 9)}|{new string('-', 13)}|{new string('-', 11)}|\n");
        foreach (var l in Lanes)
            sb.Append(c, $"| {l.Lane,-10} | {l.Expected,7} | {l.TruePositives,5} | {l.Recall,7:P1} | {l.FalsePositives,11} | {l.Precision,9:P1} |\n");
        sb.Append(c, $"| {"all lanes",-10} | {LanePrompts,7} | {LaneHits,5} | {Recall,7:P1} |\n");
        sb.Append(c, $"neutral prompts: {Neutral}, given a hint: {NeutralHit} (false positives {FalsePositiveRate:P1})\n");
        return sb.ToString();
    }
}
