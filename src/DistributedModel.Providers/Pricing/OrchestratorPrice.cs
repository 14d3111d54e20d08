using DistributedModel.Core.Workspace;
using DistributedModel.Providers.Configuration;

namespace DistributedModel.Providers.Pricing;

/// <summary>
/// The orchestrator's price (what <c>baseline_usd</c> in the ledger is computed with): Claude Opus 5 list price unless
/// <c>.claude/dm.json</c> sets <c>prices.orchestrator</c> (or <c>prices.baseline</c>). For reports that price context tokens.
/// </summary>
public static class OrchestratorPrice
{
    /// <summary>The compiled-in default and what it is.</summary>
    public static ModelPrice Default => ProviderDefaults.Baseline;

    public const string DefaultName = "Claude Opus 5 list price";

    /// <summary>The price in force for <paramref name="paths"/>; an invalid configuration falls back to the default and says why.</summary>
    public static (ModelPrice Price, string Name, string? Warning) For(WorkspacePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        try
        {
            var price = DmSettingsLoader.Load(paths, null).Baseline;
            return (price, price == ProviderDefaults.Baseline ? DefaultName : "prices.orchestrator in .claude/dm.json", null);
        }
        catch (InvalidOperationException)
        {
            return (Default, DefaultName, $"{paths.ConfigFile} is invalid; priced at the default");
        }
    }
}
