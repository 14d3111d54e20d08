using DistributedModel.Providers.Pricing;

namespace DistributedModel.Providers.Configuration;

/// <summary>Everything the provider library needs, validated once at start.</summary>
internal sealed class DmProviderSettings
{
    public required Dictionary<string, ProviderSettings> Providers { get; init; }

    public required Dictionary<string, LaneSettings> Lanes { get; init; }

    public required PriceTable Prices { get; init; }

    public required ModelPrice Baseline { get; set; }

    /// <summary>What was wrong in the configuration (each value concerned was left at its default); empty when all is well.</summary>
    public IReadOnlyList<string> Problems { get; set; } = [];

    /// <summary>Project values not applied (prices, limits it may only lower), one warning each naming the key.</summary>
    public IReadOnlyList<string> Ignored { get; set; } = [];

    public LaneSettings Lane(string name) =>
        Lanes.TryGetValue(name, out var lane) ? lane : ProviderDefaults.OtherLane(name);

    /// <summary>Every key value, so error text can be scrubbed of them.</summary>
    public IEnumerable<string> Secrets() =>
        Providers.Values.Select(p => p.ApiKey).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!);
}
