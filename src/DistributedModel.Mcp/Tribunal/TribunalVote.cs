using DistributedModel.Mcp.Decisions;

namespace DistributedModel.Mcp.Tribunal;

/// <summary>One provider's independent answer, or why there is none.</summary>
internal sealed record TribunalVote(string Provider, Opinion? Opinion, string? Model, string? Error, TimeSpan Elapsed)
{
    public bool Answered => Opinion is not null;
}
