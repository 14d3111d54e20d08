namespace DistributedModel.Providers.Pricing;

/// <summary>Dated prices per model; local Ollama models cost nothing.</summary>
internal sealed class PriceTable
{
    private readonly Dictionary<string, List<ModelPrice>> _prices = new(StringComparer.OrdinalIgnoreCase);

    public PriceTable(IEnumerable<(string Model, ModelPrice Price)> entries)
    {
        foreach (var (model, price) in entries) Add(model, price);
    }

    /// <summary>Multiplier for DeepSeek peak hours (Mon–Fri 01:00–04:00 and 06:00–10:00 UTC). 1 disables it.</summary>
    public decimal DeepSeekPeakMultiplier { get; set; } = 2m;

    public void Add(string model, ModelPrice price)
    {
        if (!_prices.TryGetValue(model, out var list)) _prices[model] = list = [];
        list.Add(price);
        list.Sort((a, b) => a.AsOf.CompareTo(b.AsOf));
    }

    /// <summary>Replaces every dated entry of <paramref name="model"/> (a dm.json override).</summary>
    public void Override(string model, ModelPrice price) => _prices[model] = [price];

    /// <summary>The price in force at <paramref name="at"/>, or null when the model is not in the table.</summary>
    public ModelPrice? Find(string model, DateTimeOffset at)
    {
        if (!_prices.TryGetValue(model, out var list) || list.Count == 0) return null;
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        ModelPrice? found = null;
        foreach (var p in list)
            if (p.AsOf <= day) found = p;
        return found ?? list[0];
    }

    /// <summary>Cost in USD of one call; 0 for Ollama (local); null for a model without a price (unpriced, never $0).</summary>
    public decimal? Cost(string provider, string model, TokenUsage usage, DateTimeOffset at)
    {
        if (provider == ProviderNames.Ollama) return 0m;
        var price = Find(model, at);
        if (price is null) return null;
        var cost = price.Cost(usage);
        if (provider == ProviderNames.DeepSeek && IsDeepSeekPeak(at)) cost *= DeepSeekPeakMultiplier;
        return cost;
    }

    public bool Knows(string provider, string model) => provider == ProviderNames.Ollama || _prices.ContainsKey(model);

    internal static bool IsDeepSeekPeak(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        if (utc.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
        return utc.Hour is (>= 1 and < 4) or (>= 6 and < 10);
    }
}
