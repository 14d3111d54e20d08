namespace DistributedModel.Providers.Pricing;

/// <summary>List price in USD per 1M tokens (input, cached input, output), effective from <see cref="AsOf"/>.</summary>
public sealed record ModelPrice(decimal Input, decimal Cached, decimal Output, DateOnly AsOf)
{
    /// <summary>
    /// Cost of <paramref name="usage"/>: uncached input at <see cref="Input"/>, cached input at <see cref="Cached"/>,
    /// all output (reasoning included) at <see cref="Output"/>.
    /// </summary>
    public decimal Cost(TokenUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var cached = Math.Min(usage.Cached, usage.Input);
        var uncached = usage.Input - cached;
        return (uncached * Input + cached * Cached + usage.Output * Output) / 1_000_000m;
    }
}
