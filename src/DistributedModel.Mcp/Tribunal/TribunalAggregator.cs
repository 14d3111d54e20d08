using DistributedModel.Mcp.Decisions;

namespace DistributedModel.Mcp.Tribunal;

/// <summary>Majority of the answers received; without a strict majority the verdict is DEFER and every answer is a dissent.</summary>
internal static class TribunalAggregator
{
    public static TribunalOutcome Aggregate(IReadOnlyList<TribunalVote> votes)
    {
        var answered = votes.Where(v => v.Answered).ToList();
        var failed = votes.Where(v => !v.Answered).ToList();
        var top = answered.GroupBy(v => v.Opinion!.Verdict).OrderByDescending(g => g.Count()).FirstOrDefault();
        if (top is null || top.Count() * 2 <= answered.Count)
            return new TribunalOutcome(Verdict.Defer, false, [], answered, failed);
        return new TribunalOutcome(top.Key, true, [.. top], [.. answered.Where(v => v.Opinion!.Verdict != top.Key)], failed);
    }
}
