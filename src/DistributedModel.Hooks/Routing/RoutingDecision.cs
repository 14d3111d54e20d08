namespace DistributedModel.Hooks.Routing;

/// <summary>The lanes a prompt matched (priority order) and the text to inject; <see cref="Context"/> is null when nothing is injected.</summary>
public sealed record RoutingDecision(IReadOnlyList<string> Lanes, string? Context);
