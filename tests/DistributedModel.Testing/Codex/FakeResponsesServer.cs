using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DistributedModel.Testing.Codex;

/// <summary>
/// A loopback stand-in for the OpenAI Responses API that scripts the real Codex CLI. Each <c>POST …/responses</c> that
/// offers tools takes the next <see cref="ResponsesStep"/> (the last one repeats) and is answered with the SSE stream
/// codex parses (<c>response.created</c>, <c>response.output_item.added/done</c>, <c>response.completed</c> with usage).
/// Requests without tools get a plain "ok" message. Every request is captured for assertions.
/// </summary>
public sealed class FakeResponsesServer : IAsyncDisposable
{
    private WebApplication? _app;
    private readonly IReadOnlyList<ResponsesStep> _script;
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private int _step;

    private FakeResponsesServer(IReadOnlyList<ResponsesStep> script) => _script = script;

    /// <summary>e.g. <c>http://127.0.0.1:41234/v1</c> (codex POSTs <c>{BaseUrl}/responses</c>).</summary>
    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<CapturedRequest> Requests => _requests.ToArray();

    /// <summary>Number of script steps consumed so far.</summary>
    public int StepsTaken => Volatile.Read(ref _step);

    public static async Task<FakeResponsesServer> StartAsync(params ResponsesStep[] script)
    {
        if (script.Length == 0) throw new ArgumentException("the script needs at least one step", nameof(script));
        var server = new FakeResponsesServer(script);
        (server._app, var baseUrl) = await LoopbackWebApp.StartAsync(server.HandleAsync);
        server.BaseUrl = baseUrl + "/v1";
        return server;
    }

    /// <summary>
    /// <c>-c</c> overrides that point codex at this server as provider "fake" with model gpt-5.5 (a slug of codex's bundled
    /// catalog, so the apply_patch tool is offered) and no retries.
    /// </summary>
    public IReadOnlyList<string> CodexConfigOverrides() =>
    [
        "model=\"gpt-5.5\"",
        "model_provider=\"fake\"",
        "model_providers.fake.name=\"fake\"",
        $"model_providers.fake.base_url=\"{BaseUrl}\"",
        "model_providers.fake.wire_api=\"responses\"",
        "model_providers.fake.request_max_retries=0",
        "model_providers.fake.stream_max_retries=0",
    ];

    private async Task HandleAsync(HttpContext ctx)
    {
        string raw;
        using (var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8))
            raw = await reader.ReadToEndAsync(ctx.RequestAborted);
        JsonNode? body = null;
        if (raw.Length > 0)
        {
            try { body = JsonNode.Parse(raw); } catch (JsonException) { }
        }
        var captured = new CapturedRequest(ctx.Request.Method, ctx.Request.Path + ctx.Request.QueryString, body,
            ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        _requests.Enqueue(captured);

        if (!HttpMethods.IsPost(ctx.Request.Method))
        {
            await WriteJsonAsync(ctx, 200, """{"object":"list","data":[]}""");
            return;
        }
        if (!ctx.Request.Path.Value!.TrimEnd('/').EndsWith("/responses", StringComparison.Ordinal))
        {
            await WriteJsonAsync(ctx, 404, """{"error":{"message":"not found"}}""");
            return;
        }

        ResponsesStep step;
        int n;
        if (captured.OffersTools)
        {
            n = Interlocked.Increment(ref _step);
            step = _script[Math.Min(n - 1, _script.Count - 1)];
        }
        else
        {
            n = 0;
            step = ResponsesStep.Message("ok");
        }

        if (step.Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(step.Delay, ctx.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }

        if (step is ResponsesStep.Http http)
        {
            var error = new JsonObject { ["error"] = new JsonObject { ["message"] = http.ErrorMessage, ["type"] = "server_error" } };
            await WriteJsonAsync(ctx, http.Status, error.ToJsonString());
            return;
        }

        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "text/event-stream";
        foreach (var e in Events(n, step))
        {
            var type = e["type"]!.GetValue<string>();
            await ctx.Response.WriteAsync($"event: {type}\ndata: {e.ToJsonString()}\n\n", ctx.RequestAborted);
        }
        await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
    }

    private static IEnumerable<JsonObject> Events(int n, ResponsesStep step)
    {
        var rid = $"resp_{n:D4}";
        yield return new JsonObject { ["type"] = "response.created", ["response"] = new JsonObject { ["id"] = rid, ["status"] = "in_progress" } };
        switch (step)
        {
            case ResponsesStep.TruncatedStream:
                yield break;
            case ResponsesStep.StreamFailure failure:
                yield return new JsonObject
                {
                    ["type"] = "response.failed",
                    ["response"] = new JsonObject
                    {
                        ["id"] = rid, ["status"] = "failed",
                        ["error"] = new JsonObject { ["code"] = "server_error", ["message"] = failure.ErrorMessage },
                    },
                };
                yield break;
            case ResponsesStep.FunctionCall call:
                foreach (var e in ItemEvents(new JsonObject
                {
                    ["type"] = "function_call", ["id"] = $"fc_{n:D4}", ["call_id"] = $"call_{n:D4}",
                    ["name"] = call.Name, ["arguments"] = call.ArgumentsJson, ["status"] = "completed",
                })) yield return e;
                break;
            case ResponsesStep.CustomToolCall custom:
                foreach (var e in ItemEvents(new JsonObject
                {
                    ["type"] = "custom_tool_call", ["id"] = $"ctc_{n:D4}", ["call_id"] = $"call_{n:D4}",
                    ["name"] = custom.Name, ["input"] = custom.Input, ["status"] = "completed",
                })) yield return e;
                break;
            case ResponsesStep.AssistantMessage message:
                var mid = $"msg_{n:D4}";
                yield return new JsonObject
                {
                    ["type"] = "response.output_item.added", ["output_index"] = 0,
                    ["item"] = new JsonObject { ["type"] = "message", ["id"] = mid, ["role"] = "assistant", ["status"] = "in_progress", ["content"] = new JsonArray() },
                };
                yield return new JsonObject
                {
                    ["type"] = "response.output_text.delta", ["output_index"] = 0, ["content_index"] = 0, ["item_id"] = mid, ["delta"] = message.Text,
                };
                yield return new JsonObject
                {
                    ["type"] = "response.output_item.done", ["output_index"] = 0,
                    ["item"] = new JsonObject
                    {
                        ["type"] = "message", ["id"] = mid, ["role"] = "assistant", ["status"] = "completed",
                        ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = message.Text, ["annotations"] = new JsonArray() }),
                    },
                };
                break;
            default:
                throw new InvalidOperationException("unknown step " + step);
        }
        var u = step.Usage;
        yield return new JsonObject
        {
            ["type"] = "response.completed",
            ["response"] = new JsonObject
            {
                ["id"] = rid, ["status"] = "completed",
                ["usage"] = new JsonObject
                {
                    ["input_tokens"] = u.InputTokens,
                    ["input_tokens_details"] = u.CacheWriteTokens > 0
                        ? new JsonObject { ["cached_tokens"] = u.CachedTokens, ["cache_write_tokens"] = u.CacheWriteTokens }
                        : new JsonObject { ["cached_tokens"] = u.CachedTokens },
                    ["output_tokens"] = u.OutputTokens,
                    ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = u.ReasoningTokens },
                    ["total_tokens"] = u.InputTokens + u.OutputTokens,
                },
            },
        };
    }

    private static IEnumerable<JsonObject> ItemEvents(JsonObject item)
    {
        var added = (JsonObject)item.DeepClone();
        added["status"] = "in_progress";
        if (added.ContainsKey("arguments")) added["arguments"] = "";
        if (added.ContainsKey("input")) added["input"] = "";
        yield return new JsonObject { ["type"] = "response.output_item.added", ["output_index"] = 0, ["item"] = added };
        yield return new JsonObject { ["type"] = "response.output_item.done", ["output_index"] = 0, ["item"] = item };
    }

    private static async Task WriteJsonAsync(HttpContext ctx, int status, string json)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(json, ctx.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
