namespace DistributedModel.Providers;

/// <summary>
/// Normalised token counts. <see cref="Input"/> includes <see cref="Cached"/>; <see cref="Output"/> includes
/// <see cref="Reasoning"/> (everything billed as output). <see cref="CacheWrite"/>: input tokens written to the prompt cache
/// (OpenAI <c>input_tokens_details.cache_write_tokens</c>, billed above the input price), part of <see cref="Input"/>.
/// </summary>
public sealed record TokenUsage(long Input, long Output, long Reasoning, long Cached)
{
    public long CacheWrite { get; init; }

    public static TokenUsage None { get; } = new(0, 0, 0, 0);
}
