namespace DistributedModel.Providers.Core;

/// <summary>A provider's parsed answer.</summary>
internal sealed record ProviderResult(string Text, string Model, TokenUsage Usage, string? FinishReason);
