namespace DistributedModel.Providers;

/// <summary>Optional knobs for <see cref="ProvidersServiceCollectionExtensions.AddDistributedModelProviders(Microsoft.Extensions.DependencyInjection.IServiceCollection, DistributedModel.Core.Workspace.WorkspacePaths, Microsoft.Extensions.Configuration.IConfiguration?, Action{DistributedModelProvidersOptions})"/>.</summary>
public sealed class DistributedModelProvidersOptions
{
    /// <summary>Clock for ledger timestamps, price dates, DeepSeek peak hours and daily budgets (not for HTTP timeouts).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
