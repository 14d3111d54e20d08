using DistributedModel.Mcp.Decisions;

namespace DistributedModel.Mcp.Tribunal;

/// <summary>The aggregate: the majority verdict (DEFER when answers split evenly), who agreed, who dissented, who failed.</summary>
internal sealed record TribunalOutcome(Verdict Verdict, bool HasMajority, IReadOnlyList<TribunalVote> Majority,
    IReadOnlyList<TribunalVote> Dissent, IReadOnlyList<TribunalVote> Failed);
