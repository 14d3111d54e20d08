using System.Text.Json.Nodes;

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

    protected override string SuccessBody(RecordedRequest request, string text, FakeUsage usage) => WireJson.Serialize(new JsonObject
    {
        ["model"] = request.Model ?? "ollama-fake",
        ["created_at"] = DateTimeOffset.UtcNow.ToString("O"),
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
        ["done"] = true,
        ["done_reason"] = "stop",
        ["total_duration"] = 1_000_000,
        ["load_duration"] = 10_000,
        ["prompt_eval_count"] = usage.Input,
        ["prompt_eval_duration"] = 100_000,
        ["eval_count"] = usage.Output,
        ["eval_duration"] = 500_000,
    });

    protected override string ErrorBody(FakeFault fault) => WireJson.Serialize(new JsonObject { ["error"] = fault.Message });
}
