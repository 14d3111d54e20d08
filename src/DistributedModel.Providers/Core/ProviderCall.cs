using DistributedModel.Providers.Resilience;

namespace DistributedModel.Providers.Core;

/// <summary>One request to one provider, with everything resolved (model, limits, lane timeouts).</summary>
internal sealed record ProviderCall(string Lane, string SystemPrompt, string UserPrompt, string Model, CallScope Scope)
{
    public bool JsonOutput { get; init; }
    public string? JsonSchema { get; init; }
    public int MaxOutputTokens { get; init; } = 4096;
    public string? ReasoningEffort { get; init; }
    public bool WantsJson => JsonOutput || JsonSchema is not null;
}
