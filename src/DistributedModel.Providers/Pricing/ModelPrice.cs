namespace DistributedModel.Providers.Pricing;

/// <summary>
/// List price in USD per 1M tokens (input, cached input, output), effective from <see cref="AsOf"/>.
/// <see cref="CacheWrite"/>: input written to the prompt cache (null: billed as input). <see cref="LongContext"/>: a
/// tier that reprices the whole request when its input passes a threshold (OpenAI gpt-5.6/gpt-6.x above 272K).
/// </summary>
public sealed record ModelPrice(decimal Input, decimal Cached, decimal Output, DateOnly AsOf)
{
    /// <summary>OpenAI cache writes: 1.25× input (developers.openai.com/api/docs/pricing, as quoted in pydantic/genai-prices#680).</summary>
    public const decimal OpenAICacheWriteFactor = 1.25m;

    /// <summary>An OpenAI-billed price: cache writes at <see cref="OpenAICacheWriteFactor"/> × input.</summary>
    public static ModelPrice OpenAI(decimal input, decimal cached, decimal output, DateOnly asOf) =>
        new(input, cached, output, asOf) { CacheWrite = input * OpenAICacheWriteFactor };

    public decimal? CacheWrite { get; init; }

    public LongContextTier? LongContext { get; init; }

    /// <summary>
    /// Cost of <paramref name="usage"/>: cached input at <see cref="Cached"/>, cache writes at <see cref="CacheWrite"/>,
    /// the rest of the input at <see cref="Input"/>, all output (reasoning included) at <see cref="Output"/>; input and
    /// output multiplied by the long-context tier when the request's input is above it.
    /// </summary>
    public decimal Cost(TokenUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var cached = Math.Min(usage.Cached, usage.Input);
        var writes = Math.Min(usage.CacheWrite, usage.Input - cached);
        var plain = usage.Input - cached - writes;
        var input = plain * Input + cached * Cached + writes * (CacheWrite ?? Input);
        var output = usage.Output * Output;
        if (LongContext is { } tier && usage.Input > tier.AboveInputTokens)
        {
            input *= tier.InputMultiplier;
            output *= tier.OutputMultiplier;
        }
        return (input + output) / 1_000_000m;
    }
}

/// <summary>Above <see cref="AboveInputTokens"/> input tokens the whole request costs these multiples.</summary>
public sealed record LongContextTier(long AboveInputTokens, decimal InputMultiplier, decimal OutputMultiplier);
