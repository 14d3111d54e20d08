using System.IO.Pipelines;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Dispatch;
using DistributedModel.Mcp.Dispatch.Review;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DistributedModel.Mcp.Tests.Dispatch;

/// <summary>An MCP server hosting <see cref="DispatchTools"/> and an MCP client talking to it over in-memory pipes.</summary>
public sealed class InProcessDispatchServer : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessDispatchServer(IHost host, McpClient client) { _host = host; Client = client; }

    public McpClient Client { get; }

    public static async Task<InProcessDispatchServer> StartAsync(DispatchHarness harness, IReviewerClient reviewers,
        Action<DispatchOptions>? configure = null)
    {
        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(reviewers);
        builder.Services.AddSingleton(harness.StateKey);
        builder.Services.AddDispatch(harness.Paths, o => { harness.Configure(o); configure?.Invoke(o); });
        builder.Services.AddMcpServer()
            .WithStreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream())
            .WithTools<DispatchTools>();
        var host = builder.Build();
        await host.StartAsync();
        var client = await McpClient.CreateAsync(
            new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream()));
        return new InProcessDispatchServer(host, client);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _host.StopAsync();
        _host.Dispose();
    }
}
