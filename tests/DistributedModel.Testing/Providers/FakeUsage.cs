namespace DistributedModel.Testing.Providers;

/// <summary>
/// Token counts a fake reports, in the library's normalised sense: <see cref="Input"/> includes <see cref="Cached"/>,
/// <see cref="Output"/> includes <see cref="Reasoning"/>. Each fake maps them to its provider's wire fields
/// (e.g. Gemini <c>candidatesTokenCount = Output - Reasoning</c>, <c>thoughtsTokenCount = Reasoning</c>).
/// <see cref="CacheWrite"/> is input written to the prompt cache (OpenAI <c>input_tokens_details.cache_write_tokens</c>), part of <see cref="Input"/>.
/// </summary>
public sealed record FakeUsage(long Input, long Output, long Reasoning = 0, long Cached = 0, long CacheWrite = 0);
