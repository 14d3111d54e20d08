using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DistributedModel.Mcp.Tests.Dispatch.Review;

/// <summary>
/// A loopback Ollama whose answer depends on the requested model: per model a reply text, a delay and optionally an
/// HTTP error. Speaks native <c>/api/chat</c> (non-streaming) and the OpenAI-compatible <c>/v1/chat/completions</c>.
/// Records when each request arrived and finished, to prove reviewers ran concurrently.
/// </summary>
public sealed class FakeOllamaReviewers : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReadOnlyDictionary<string, ScriptedReview> _script;
    private readonly ConcurrentQueue<(string Model, JsonNode Body, DateTimeOffset Start, DateTimeOffset End)> _requests = new();

    private FakeOllamaReviewers(WebApplication app, IReadOnlyDictionary<string, ScriptedReview> script)
    {
        _app = app;
        _script = script;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234</c> (OLLAMA_HOST).</summary>
    public string Host { get; private set; } = "";

    public IReadOnlyList<(string Model, JsonNode Body, DateTimeOffset Start, DateTimeOffset End)> Requests => _requests.ToArray();

    public static async Task<FakeOllamaReviewers> StartAsync(IReadOnlyDictionary<string, ScriptedReview> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeOllamaReviewers(app, script);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.Host = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var start = DateTimeOffset.UtcNow;
        var path = ctx.Request.Path.Value ?? "";
        if (HttpMethods.IsGet(ctx.Request.Method))
        {
            await Json(ctx, 200, path.StartsWith("/api/version", StringComparison.Ordinal) ? """{"version":"0.13.5"}"""
                : path.StartsWith("/api/tags", StringComparison.Ordinal) ? """{"models":[]}""" : """{"object":"list","data":[]}""");
            return;
        }
        var body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted) ?? new JsonObject();
        var model = body["model"]?.GetValue<string>() ?? "";
        if (!_script.TryGetValue(model, out var s))
        {
            await Json(ctx, 404, $$"""{"error":"model '{{model}}' not found"}""");
            return;
        }
        try { await Task.Delay(s.Delay, ctx.RequestAborted); }
        catch (OperationCanceledException) { return; }
        _requests.Enqueue((model, body, start, DateTimeOffset.UtcNow));

        if (s.HttpStatus is { } status)
        {
            await Json(ctx, status, """{"error":"scripted failure"}""");
            return;
        }
        var reply = JsonSerializer.Serialize(s.Reply);
        if (path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            await Json(ctx, 200, $$$"""
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"{{{model}}}",
                 "choices":[{"index":0,"message":{"role":"assistant","content":{{{reply}}} },"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150}}
                """);
        }
        else
        {
            await Json(ctx, 200, $$$"""
                {"model":"{{{model}}}","created_at":"2026-11-23T07:00:00Z","message":{"role":"assistant","content":{{{reply}}} },
                 "done":true,"done_reason":"stop","total_duration":1,"prompt_eval_count":120,"eval_count":30}
                """);
        }
    }

    private static async Task Json(HttpContext ctx, int status, string json)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(json, ctx.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
