using System.Text.Json.Nodes;
using DistributedModel.Core.Processes;

namespace DistributedModel.Cli.Tests.Support;

/// <summary>A real MCP server process driven over stdio JSON-RPC, one request line and one answer line at a time.</summary>
public sealed class StdioMcpServer : IAsyncDisposable
{
    private readonly RunningProcess _process;
    private int _id;

    private StdioMcpServer(RunningProcess process) => _process = process;

    public int ProcessId => _process.Id;

    public static async Task<StdioMcpServer> StartAsync(string exe, string workspace)
    {
        var spec = new ProcessSpec(exe)
        {
            Arguments = ["--workspace", workspace], WorkingDirectory = workspace,
            Environment = new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Production" },
        };
        var server = new StdioMcpServer(ProcessRunner.Start(spec, out var error) ?? throw new InvalidOperationException($"could not start {exe}: {error}"));
        var init = await server.RequestAsync("initialize",
            """{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"dm-cli-tests","version":"1"}}""");
        init["result"]?["serverInfo"]?["name"]?.GetValue<string>().Should().Be("distributed-model", init.ToJsonString());
        await server._process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        return server;
    }

    /// <summary>The tool names of a <c>tools/list</c> answer.</summary>
    public async Task<IReadOnlyList<string>> ListToolsAsync()
    {
        var answer = await RequestAsync("tools/list", "{}");
        return answer["result"]?["tools"]?.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList()
            ?? throw new InvalidOperationException("no tools in " + answer.ToJsonString());
    }

    private async Task<JsonNode> RequestAsync(string method, string @params)
    {
        int id = ++_id;
        await _process.StandardInput.WriteLineAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{@params}}}""");
        await _process.StandardInput.FlushAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(cts.Token)
                ?? throw new InvalidOperationException($"the server closed stdout before answering {method} (exited: {_process.HasExited})");
            var node = JsonNode.Parse(line)!;
            if (node["id"]?.GetValue<int>() == id) return node;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
