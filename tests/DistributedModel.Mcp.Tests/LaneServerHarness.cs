using System.IO.Pipelines;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Hosting;
using DistributedModel.Providers;
using DistributedModel.Testing;
using DistributedModel.Testing.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DistributedModel.Mcp.Tests;

/// <summary>
/// The lane tools in an in-process MCP server (pipes), backed by the real provider library pointed at loopback provider fakes,
/// in a temporary workspace. Talk to it through <see cref="Client"/>, like Claude Code would.
/// </summary>
public sealed class LaneServerHarness : IAsyncDisposable
{
    private IHost? _host;

    private LaneServerHarness() { }

    public TempDirectory Workspace { get; } = new("dm-mcp");

    public WorkspacePaths Paths => new(Workspace.Path);

    /// <summary>The user's home of this server (its <c>~/.claude/dm.json</c> may be written before start).</summary>
    public TempDirectory Home { get; } = new("dm-home");

    public string UserConfigFile => Home.Combine(".claude", "dm.json");

    public FakeGemini Gemini { get; private set; } = null!;

    public FakeDeepSeek DeepSeek { get; private set; } = null!;

    public FakeOpenAI OpenAI { get; private set; } = null!;

    public McpClient Client { get; private set; } = null!;

    /// <param name="keys">overrides of key variables (null/"" = unset), e.g. to test a missing key.</param>
    public static async Task<LaneServerHarness> StartAsync(Action<McpOptions>? configure = null,
        IReadOnlyDictionary<string, string?>? keys = null)
    {
        var h = new LaneServerHarness
        {
        };
        h.Gemini = await FakeGemini.StartAsync();
        h.DeepSeek = await FakeDeepSeek.StartAsync();
        h.OpenAI = await FakeOpenAI.StartAsync();
        Directory.CreateDirectory(h.Paths.ClaudeDir);
        File.WriteAllText(h.Paths.ConfigFile, ProviderTestHost.FastRetriesDmJson);

        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = h.Workspace.Path });
        builder.Logging.ClearProviders();
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(ProviderTestHost.Environment(h.Gemini, h.DeepSeek, h.OpenAI, null, keys)).Build();
        builder.Services.AddDistributedModelProviders(h.Paths, config);
        builder.Services.AddLaneTools(h.Paths, o =>
        {
            o.ProgressInterval = TimeSpan.FromMilliseconds(200);
            configure?.Invoke(o);
        }, userConfigFile: h.UserConfigFile);
        builder.Services.AddMcpServer()
            .WithStreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream())
            .WithLaneTools();
        h._host = builder.Build();
        await h._host.StartAsync();
        h.Client = await McpClient.CreateAsync(new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream()));
        return h;
    }

    public string Write(string relative, string content) => Workspace.Write(relative, content);

    /// <summary>Calls a tool; returns the text and whether the server flagged it as an error.</summary>
    public async Task<(string Text, bool IsError)> CallAsync(string tool, Dictionary<string, object?> args,
        IProgress<ModelContextProtocol.ProgressNotificationValue>? progress = null, CancellationToken ct = default)
    {
        var result = await Client.CallToolAsync(tool, args, progress, cancellationToken: ct);
        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
        return (text, result.IsError == true);
    }

    public IReadOnlyList<string> LedgerLines() =>
        File.Exists(Paths.Ledger) ? File.ReadAllLines(Paths.Ledger).Where(l => l.Length > 0).ToList() : [];

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
        await Gemini.DisposeAsync();
        await DeepSeek.DisposeAsync();
        await OpenAI.DisposeAsync();
        Workspace.Dispose();
        Home.Dispose();
    }
}
