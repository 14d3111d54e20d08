using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DistributedModel.Testing.Anthropic;

/// <summary>
/// Scripted stand-in for the Anthropic Messages API on 127.0.0.1 (Kestrel, random port), for driving the real Claude Code CLI.
/// Each main-loop request (one that offers the Bash tool) takes the next <see cref="ScriptStep"/>: a tool call or a final text.
/// Side requests (titles, suggestions) get "ok"; <c>count_tokens</c> gets a fixed count. Every request is captured.
/// </summary>
public sealed class FakeAnthropicServer : IAsyncDisposable
{
    private WebApplication? _app;
    private readonly IReadOnlyList<ScriptStep> _script;
    private readonly List<CapturedRequest> _requests = [];
    private readonly Lock _lock = new();
    private int _step;

    private FakeAnthropicServer(IReadOnlyList<ScriptStep> script) => _script = script;

    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c> — use as ANTHROPIC_BASE_URL.</summary>
    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<CapturedRequest> Requests
    {
        get { lock (_lock) return [.. _requests]; }
    }

    public IReadOnlyList<CapturedRequest> MainLoopRequests => Requests.Where(r => r.IsMainLoop).ToList();

    public static async Task<FakeAnthropicServer> StartAsync(params ScriptStep[] script)
    {
        if (script.Length == 0) throw new ArgumentException("the script needs at least one step", nameof(script));
        var server = new FakeAnthropicServer(script);
        (server._app, server.BaseUrl) = await LoopbackWebApp.StartAsync(server.HandleAsync);
        return server;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "/";
        if (!HttpMethods.IsPost(ctx.Request.Method))
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{}");
            return;
        }
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync();
        JsonNode? body;
        try { body = JsonNode.Parse(raw); }
        catch (JsonException) { body = new JsonObject { ["raw"] = raw }; }
        var captured = new CapturedRequest(path, body);
        lock (_lock) _requests.Add(captured);

        if (path.Contains("count_tokens", StringComparison.Ordinal))
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{\"input_tokens\": 100}");
            return;
        }

        List<JsonObject> blocks;
        string stop;
        if (captured.IsMainLoop)
        {
            ScriptStep step;
            int n;
            lock (_lock)
            {
                n = ++_step;
                step = _script[Math.Min(n - 1, _script.Count - 1)];
            }
            if (step.ToolName is not null)
            {
                blocks = [new JsonObject { ["type"] = "tool_use", ["id"] = $"toolu_{n:D4}", ["name"] = step.ToolName, ["input"] = step.ToolInput!.DeepClone() }];
                stop = "tool_use";
            }
            else
            {
                blocks = [new JsonObject { ["type"] = "text", ["text"] = step.Text }];
                stop = "end_turn";
            }
        }
        else
        {
            blocks = [new JsonObject { ["type"] = "text", ["text"] = "ok" }];
            stop = "end_turn";
        }

        if (body?["stream"] is JsonValue s && s.TryGetValue<bool>(out var stream) && stream)
        {
            ctx.Response.ContentType = "text/event-stream";
            ctx.Response.Headers.CacheControl = "no-cache";
            await ctx.Response.WriteAsync(AnthropicSse.Format(AnthropicSse.Events(blocks, stop)));
        }
        else
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(AnthropicSse.Message(blocks, stop).ToJsonString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
