using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace DistributedModel.Cli.Tests.Support;

/// <summary>A real MCP server process driven over stdio JSON-RPC, one request line and one answer line at a time.</summary>
public sealed class StdioMcpServer : IAsyncDisposable
{
    private readonly Process _process;
    private int _id;

    private StdioMcpServer(Process process) => _process = process;

    public int ProcessId => _process.Id;

    public static async Task<StdioMcpServer> StartAsync(string exe, string workspace)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workspace, StandardInputEncoding = new UTF8Encoding(false),
        };
        psi.ArgumentList.Add("--workspace");
        psi.ArgumentList.Add(workspace);
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var server = new StdioMcpServer(Process.Start(psi)!);
        server._process.ErrorDataReceived += (_, _) => { };
        server._process.BeginErrorReadLine();
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
