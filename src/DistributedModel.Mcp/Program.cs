using DistributedModel.Mcp.Dispatch;
using DistributedModel.Mcp.Hosting;
using DistributedModel.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// dm-mcp: the Distributed Model stdio MCP server. stdout is the protocol; logs go to stderr and .claude/dm/mcp.log.
var paths = WorkspaceArgument.Resolve(args);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = WorkspaceArgument.Strip(args),
    ContentRootPath = paths.Root,
});
var logFileProblem = ServerLogging.Configure(builder, paths);

builder.Services.AddDistributedModelProviders(paths);
builder.Services.AddLaneTools(paths);
builder.Services.AddDispatch(paths);
builder.Services.AddMcpServer(o => o.ServerInfo = new() { Name = "distributed-model", Version = "1.0.0" })
    .WithStdioServerTransport()
    .WithLaneTools()
    .WithTools<DispatchTools>();

using var host = builder.Build();
var startLog = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DistributedModel.Mcp");
if (logFileProblem is not null) startLog.LogWarning("{Problem}", logFileProblem);
foreach (var warning in host.Services.GetRequiredService<McpOptions>().Warnings) startLog.LogWarning("{Warning}", warning);
foreach (var warning in host.Services.GetRequiredService<DistributedModel.Providers.Configuration.ProviderConfigurationProblems>().Ignored)
    startLog.LogWarning("{Warning}", warning);
await host.RunAsync().ConfigureAwait(false);
