namespace DistributedModel.Providers;

/// <summary>
/// Normalised token counts. <see cref="Input"/> includes <see cref="Cached"/>; <see cref="Output"/> includes
/// <see cref="Reasoning"/> (everything billed as output).
/// </summary>
public sealed record TokenUsage(long Input, long Output, long Reasoning, long Cached)
{
    public static TokenUsage None { get; } = new(0, 0, 0, 0);
}
