using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DistributedModel.Cli.Tests.Support;

/// <summary>
/// A minimal Anthropic Messages API on 127.0.0.1 for driving the real Claude Code CLI: every turn ends at once with a
/// short text answer (streamed as SSE when asked); every request body is kept so a test can see what reached the model.
/// </summary>
public sealed class FakeAnthropic : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeAnthropic(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Requests { get; } = new();
    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeAnthropic> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeAnthropic(app);
        app.MapPost("/v1/messages/count_tokens", () => Results.Json(new { input_tokens = 100 }));
        app.MapPost("/v1/messages", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            fake.Requests.Enqueue(body);
            bool stream = JsonNode.Parse(body)?["stream"]?.GetValue<bool>() == true;
            if (!stream)
            {
                await ctx.Response.WriteAsJsonAsync(new
                {
                    id = "msg_fake", type = "message", role = "assistant", model = "claude-fake",
                    content = new[] { new { type = "text", text = "done" } }, stop_reason = "end_turn", stop_sequence = (string?)null,
                    usage = new { input_tokens = 1, output_tokens = 1 },
                });
                return;
            }
            ctx.Response.ContentType = "text/event-stream";
            async Task Send(string name, object data)
            {
                await ctx.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n");
                await ctx.Response.Body.FlushAsync();
            }
            await Send("message_start", new { type = "message_start", message = new { id = "msg_fake", type = "message", role = "assistant", model = "claude-fake", content = Array.Empty<object>(), stop_reason = (string?)null, stop_sequence = (string?)null, usage = new { input_tokens = 1, output_tokens = 1 } } });
            await Send("content_block_start", new { type = "content_block_start", index = 0, content_block = new { type = "text", text = "" } });
            await Send("content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = "done" } });
            await Send("content_block_stop", new { type = "content_block_stop", index = 0 });
            await Send("message_delta", new { type = "message_delta", delta = new { stop_reason = "end_turn", stop_sequence = (string?)null }, usage = new { output_tokens = 5 } });
            await Send("message_stop", new { type = "message_stop" });
        });
        app.MapFallback(() => Results.Json(new { }));
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
