using DistributedModel.Providers.Configuration;
using DistributedModel.Core.Configuration;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Consult;
using DistributedModel.Mcp.Decisions;
using DistributedModel.Mcp.Execution;
using DistributedModel.Mcp.Files;
using DistributedModel.Mcp.Scaffold;
using DistributedModel.Mcp.Summarize;
using DistributedModel.Mcp.Tribunal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using DistributedModel.Providers.Security;

namespace DistributedModel.Mcp.Hosting;

/// <summary>Registers the services behind the summarize/scaffold/consult/tribunal tools (not the provider library itself).</summary>
public static class McpServiceCollectionExtensions
{
    /// <param name="userConfigFile">The user's <c>~/.claude/dm.json</c>; default from <c>HOME</c>.</param>
    public static IServiceCollection AddLaneTools(this IServiceCollection services, WorkspacePaths paths, Action<McpOptions>? configure = null,
        string? userConfigFile = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var options = McpOptionsLoader.Load(paths, userConfigFile ?? UserConfigFile.Path(Environment.GetEnvironmentVariable("HOME")));
        configure?.Invoke(options);
        services.TryAddSingleton(paths);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(sp => new ToolRunner(sp.GetRequiredService<McpOptions>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ToolRunner>>(), sp.GetService<Redactor>() ?? new Redactor([]),
            ConfigurationNotice.From(sp.GetRequiredService<McpOptions>().Problems, sp.GetService<ProviderConfigurationProblems>()?.Items)));
        services.AddSingleton(sp => new WorkspaceFiles(sp.GetRequiredService<WorkspacePaths>()));
        services.AddSingleton<FileContext>();
        services.AddSingleton<OpinionRequester>();
        services.AddSingleton<DecisionRecordWriter>();
        services.AddSingleton<SummarizeService>();
        services.AddSingleton<ScaffoldService>();
        services.AddSingleton<ConsultService>();
        services.AddSingleton<TribunalService>();
        return services;
    }

    /// <summary>The four lane tools on an MCP server builder (Program.cs and the in-process tests share this list).</summary>
    public static IMcpServerBuilder WithLaneTools(this IMcpServerBuilder builder) =>
        builder.WithTools<SummarizeTool>().WithTools<ScaffoldTool>().WithTools<ConsultTool>().WithTools<TribunalTool>();
}
