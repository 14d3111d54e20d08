using System.Text.Json.Serialization;

namespace DistributedModel.Hooks.Routing;

/// <summary>
/// The <c>routing</c> section of <c>.claude/dm.json</c> (and the shape of the compiled-in defaults,
/// <c>Routing/DefaultRoutingRules.json</c>). Every field is optional in an override.
/// </summary>
public sealed record RoutingRules
{
    /// <summary>false turns the UserPromptSubmit hook into a no-op.</summary>
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }

    /// <summary>Upper bound for the injected text in UTF-8 bytes; lanes that would not fit are dropped (lowest priority first).</summary>
    [JsonPropertyName("maxContextBytes")] public int? MaxContextBytes { get; init; }

    /// <summary>Prompts shorter than this ("yes", "go on") never get guidance.</summary>
    [JsonPropertyName("minPromptChars")] public int? MinPromptChars { get; init; }

    /// <summary>Total time the patterns may take on one prompt (default 150 ms); past it the prompt gets no hint and the log says why.</summary>
    [JsonPropertyName("budgetMilliseconds")] public int? BudgetMilliseconds { get; init; }

    /// <summary>First line of the injected text.</summary>
    [JsonPropertyName("header")] public string? Header { get; init; }

    /// <summary>Regexes that suppress every hint (e.g. the prompt already names a Distributed Model tool).</summary>
    [JsonPropertyName("skipIf")] public IReadOnlyList<string>? SkipIf { get; init; }

    /// <summary>true: <see cref="Lanes"/> replace the defaults instead of being merged into them by name.</summary>
    [JsonPropertyName("replaceDefaults")] public bool? ReplaceDefaults { get; init; }

    /// <summary>Lanes in priority order.</summary>
    [JsonPropertyName("lanes")] public IReadOnlyList<RoutingLaneRule>? Lanes { get; init; }
}
