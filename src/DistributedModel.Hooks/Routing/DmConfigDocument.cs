using System.Text.Json.Serialization;

namespace DistributedModel.Hooks.Routing;

/// <summary>The part of <c>.claude/dm.json</c> the UserPromptSubmit hook reads; other sections are ignored.</summary>
public sealed record DmConfigDocument
{
    [JsonPropertyName("routing")] public RoutingRules? Routing { get; init; }
}
