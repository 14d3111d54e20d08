namespace DistributedModel.Providers;

/// <summary>The answer of the provider that succeeded.</summary>
/// <param name="FallbackFrom">The provider that failed (or was skipped) just before this one, if any.</param>
/// <param name="Attempts">HTTP attempts made against the answering provider (1 = no retry).</param>
public sealed record LaneResponse(string Text, string Provider, string Model, bool FallbackUsed, string? FallbackFrom,
    TokenUsage Usage, decimal CostUsd, TimeSpan Latency, int Attempts);
