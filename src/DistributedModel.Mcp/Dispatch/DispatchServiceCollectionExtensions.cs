using DistributedModel.Hooks.Workspace;
using DistributedModel.Mcp.Dispatch.Codex;
using DistributedModel.Mcp.Dispatch.Git;
using DistributedModel.Mcp.Dispatch.Review;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DistributedModel.Mcp.Dispatch;

public static class DispatchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the dispatch engine behind the <see cref="DispatchTools"/> MCP tool. Reviewers go through the
    /// <see cref="IReviewerClient"/> registered before this call (the provider library's review lane), else straight to
    /// a local Ollama (<see cref="OllamaReviewerClient"/>).
    /// </summary>
    public static IServiceCollection AddDispatch(this IServiceCollection services, Action<DispatchOptions>? configure = null)
    {
        services.TryAddSingleton(_ => WorkspacePaths.Resolve());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DispatchOptionsLoader(sp.GetRequiredService<WorkspacePaths>(), configure));
        services.TryAddSingleton<WorktreeManager>();
        services.TryAddSingleton<CodexRunner>();
        services.TryAddSingleton<IReviewerClient>(sp => new OllamaReviewerClient(sp.GetRequiredService<WorkspacePaths>(),
            new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, sp.GetRequiredService<DispatchOptionsLoader>()));
        services.TryAddSingleton<ReviewPanel>();
        services.TryAddSingleton<DispatchService>();
        return services;
    }
}
