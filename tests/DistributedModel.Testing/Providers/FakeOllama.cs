using System.Text.Json.Nodes;
using DistributedModel.Testing.Providers.Contracts;

namespace DistributedModel.Testing.Providers;

/// <summary>
/// Fake Ollama native <c>POST /api/chat</c> (non-streaming answer; no auth). Errors are <c>{"error":"…"}</c>.
/// Use <see cref="FakeProviderServer.Delay(Func{RecordedRequest, TimeSpan})"/> for per-request latency.
/// </summary>
public sealed class FakeOllama : FakeProviderServer
{
    public override string Provider => "ollama";

    public static Task<FakeOllama> StartAsync() => StartAsync(new FakeOllama());

    protected override bool IsEndpoint(string method, string path) => method == "POST" && path == "/api/chat";

    protected override string? PresentedKey(RecordedRequest request) => ChatWire.Bearer(request);

    protected override RecordedRequest Describe(RecordedRequest raw) => ChatWire.Describe(raw);

    protected override ContractViolation? Check(RecordedRequest request, JsonObject body) => OllamaContract.Check(body);

    /// <summary>Ollama answers 200 after silently keeping only the end of the prompt that fits num_ctx: prompt_eval_count is
    /// the context size, whatever was sent (ollama/ollama#3839 [L7]).</summary>
    protected override string PromptTruncatedBody(RecordedRequest request, string text, FakeUsage usage)
    {
        var ctx = OllamaContract.ContextOf(WireJson.Parse(request.Body));
        return Body(request, text, usage with { Input = Math.Min(ctx, 4096) / 8 }, false);
    }

    /// <summary>A real Ollama counts every prompt token it evaluated, so prompt_eval_count is never below the prompt's size
    /// (about 4 characters per token) unless it truncated the prompt.</summary>
    protected override string SuccessBody(RecordedRequest request, string text, FakeUsage usage, bool cut) =>
        Body(request, text, usage with { Input = Math.Max(usage.Input, ((request.SystemPrompt?.Length ?? 0) + (request.UserPrompt?.Length ?? 0)) / 4) }, cut);

    private static string Body(RecordedRequest request, string text, FakeUsage usage, bool cut) => WireJson.Serialize(new JsonObject
    {
        ["model"] = request.Model ?? "ollama-fake",
        ["created_at"] = DateTimeOffset.UtcNow.ToString("O"),
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
        ["done"] = true,
        ["done_reason"] = cut ? "length" : "stop",
        ["total_duration"] = 1_000_000,
        ["load_duration"] = 10_000,
        ["prompt_eval_count"] = usage.Input,
        ["prompt_eval_duration"] = 100_000,
        ["eval_count"] = usage.Output,
        ["eval_duration"] = 500_000,
    });

    protected override string ErrorBody(FakeFault fault) => WireJson.Serialize(new JsonObject { ["error"] = fault.Message });
}
