using DistributedModel.Core.Configuration;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Dispatch.Codex;
using DistributedModel.Mcp.Dispatch.Git;
using DistributedModel.Mcp.Dispatch.Jobs;
using DistributedModel.Mcp.Dispatch.Review;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DistributedModel.Mcp.Dispatch;

public static class DispatchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the dispatch engine and its background jobs behind the <see cref="DispatchTools"/> MCP tools. Reviewers go through the provider
    /// library's <c>review</c> lane (<see cref="LaneReviewerClient"/>): call <c>AddDistributedModelProviders</c> too.
    /// </summary>
    public static IServiceCollection AddDispatch(this IServiceCollection services, WorkspacePaths paths,
        Action<DispatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        services.TryAddSingleton(paths);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DispatchOptionsLoader(sp.GetRequiredService<WorkspacePaths>(), UserFile(sp), configure));
        // ~/.claude/dm/dispatch-state.key, beside the user's dm.json: never inside a repository.
        services.TryAddSingleton(sp => DispatchStateKey.Load(Path.Combine(Path.GetDirectoryName(UserFile(sp))!, "dm", DispatchStateKey.FileName)));
        services.TryAddSingleton<WorktreeManager>();
        services.TryAddSingleton<CodexRunner>();
        services.TryAddSingleton<IReviewerClient, LaneReviewerClient>();
        services.TryAddSingleton<ReviewPanel>();
        services.TryAddSingleton<DispatchService>();
        services.TryAddSingleton<DispatchJobs>();
        // The jobs' hosted-service side: jobs left on disk are listed at start; running codex processes are stopped at exit.
        services.AddHostedService(sp => sp.GetRequiredService<DispatchJobs>());
        return services;
    }

    /// <summary>The user's <c>~/.claude/dm.json</c>, HOME from the host's configuration (tests set it), else the process's.</summary>
    private static string UserFile(IServiceProvider sp) =>
        UserConfigFile.Path(sp.GetService<IConfiguration>()?["HOME"] ?? Environment.GetEnvironmentVariable("HOME"));
}
