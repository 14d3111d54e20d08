using System.Text.Json.Serialization;

namespace DistributedModel.Hooks.Routing;

/// <summary>
/// One lane of the routing rules: the prompt matches when any <see cref="Match"/> regex matches and no <see cref="Exclude"/>
/// regex does (case-insensitive). <see cref="Guidance"/> is the sentence injected into the model's context.
/// In <c>.claude/dm.json</c> a lane with an existing name overrides the non-null fields of that default lane.
/// </summary>
public sealed record RoutingLaneRule
{
    [JsonPropertyName("lane")] public string? Lane { get; init; }
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }
    [JsonPropertyName("match")] public IReadOnlyList<string>? Match { get; init; }
    [JsonPropertyName("exclude")] public IReadOnlyList<string>? Exclude { get; init; }
    [JsonPropertyName("guidance")] public string? Guidance { get; init; }

    /// <summary>Also match when the prompt points at a bulky file of the project (the hint then names the file).</summary>
    [JsonPropertyName("files")] public BulkyFileRule? Files { get; init; }
}
