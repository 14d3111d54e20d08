namespace DistributedModel.Providers;

/// <summary>Optional knobs for <see cref="ProvidersServiceCollectionExtensions.AddDistributedModelProviders(Microsoft.Extensions.DependencyInjection.IServiceCollection, DistributedModel.Core.Workspace.WorkspacePaths, Microsoft.Extensions.Configuration.IConfiguration?, Action{DistributedModelProvidersOptions})"/>.</summary>
/// <remarks>
/// There is one clock: the <see cref="TimeProvider"/> registered in the service collection (<see cref="TimeProvider.System"/>
/// unless the host registered another). It times ledger lines, price dates, DeepSeek peak hours, daily budgets, retry
/// back-off, Retry-After dates, the circuit breaker and every timeout, so tests run all of them on a fake clock.
/// </remarks>
public sealed class DistributedModelProvidersOptions;
