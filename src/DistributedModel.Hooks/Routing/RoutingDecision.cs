namespace DistributedModel.Hooks.Routing;

/// <summary>The lanes a prompt matched (priority order) and the text to inject; <see cref="Context"/> is null when nothing is injected.</summary>
public sealed record RoutingDecision(IReadOnlyList<string> Lanes, string? Context)
{
    /// <summary>Why routing stopped early (a pattern timed out, the time budget was spent), for the hook's log line; empty normally.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
