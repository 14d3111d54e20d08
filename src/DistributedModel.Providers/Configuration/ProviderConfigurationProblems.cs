namespace DistributedModel.Providers.Configuration;

/// <summary>What was wrong in the provider configuration when the host started (each value concerned was left at its
/// default, the rest applies; the MCP server repeats it in every tool answer until it is fixed), and the project values
/// that were not applied because a project may not set them (logged once at start).</summary>
public sealed class ProviderConfigurationProblems(IReadOnlyList<string> items, IReadOnlyList<string>? ignored = null)
{
    public IReadOnlyList<string> Items { get; } = items;

    public IReadOnlyList<string> Ignored { get; } = ignored ?? [];
}
