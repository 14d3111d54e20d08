namespace DistributedModel.Mcp.Dispatch.Codex;

/// <summary>
/// Token usage codex reports on <c>turn.completed</c> (summed over every model request of the turn). <see cref="Input"/>
/// includes <see cref="CachedInput"/> and <see cref="CacheWrite"/> (input written to the prompt cache: codex's
/// <c>cache_write_input_tokens</c>, from the Responses API's <c>input_tokens_details.cache_write_tokens</c>).
/// </summary>
public sealed record CodexUsage(long Input, long CachedInput, long Output, long Reasoning)
{
    public static readonly CodexUsage Zero = new(0, 0, 0, 0);

    public long CacheWrite { get; init; }

    public CodexUsage Add(CodexUsage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Input + other.Input, CachedInput + other.CachedInput, Output + other.Output, Reasoning + other.Reasoning)
        {
            CacheWrite = CacheWrite + other.CacheWrite,
        };
    }

    /// <summary>The provider library's usage record, for pricing with <see cref="Providers.Pricing.ModelPrice.Cost"/>.</summary>
    public Providers.TokenUsage ToTokenUsage() => new(Input, Output, Reasoning, CachedInput) { CacheWrite = CacheWrite };
}
