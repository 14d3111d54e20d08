namespace DistributedModel.Providers.Configuration;

/// <summary>What was wrong in the provider configuration when the host started (each value concerned was left at its
/// default, the rest applies); the MCP server repeats it in every tool answer until it is fixed.</summary>
public sealed class ProviderConfigurationProblems(IReadOnlyList<string> items)
{
    public IReadOnlyList<string> Items { get; } = items;
}
