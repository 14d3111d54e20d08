using System.Text.Json.Nodes;
using DistributedModel.Testing.Providers.Contracts;

namespace DistributedModel.Testing.Providers;

/// <summary>
/// Fake DeepSeek <c>POST /chat/completions</c> with <c>Authorization: Bearer</c>. Usage has
/// <c>prompt_cache_hit_tokens</c>/<c>prompt_cache_miss_tokens</c> and <c>completion_tokens_details.reasoning_tokens</c>.
/// </summary>
public sealed class FakeDeepSeek : FakeProviderServer
{
    public override string Provider => "deepseek";

    public static Task<FakeDeepSeek> StartAsync() => StartAsync(new FakeDeepSeek());

    protected override bool IsEndpoint(string method, string path) => method == "POST" && path is "/chat/completions" or "/v1/chat/completions";

    protected override string? PresentedKey(RecordedRequest request) => ChatWire.Bearer(request);

    protected override RecordedRequest Describe(RecordedRequest raw) => ChatWire.Describe(raw);

    protected override ContractViolation? Check(RecordedRequest request, JsonObject body) => DeepSeekContract.Check(body);

    protected override string SuccessBody(RecordedRequest request, string text, FakeUsage usage, bool cut) => WireJson.Serialize(new JsonObject
    {
        ["id"] = "fake-" + Guid.NewGuid().ToString("N")[..8],
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = request.Model ?? "deepseek-fake",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
            ["finish_reason"] = cut ? "length" : "stop",
        }),
        ["usage"] = new JsonObject
        {
            ["prompt_tokens"] = usage.Input,
            ["completion_tokens"] = usage.Output,
            ["total_tokens"] = usage.Input + usage.Output,
            ["prompt_cache_hit_tokens"] = usage.Cached,
            ["prompt_cache_miss_tokens"] = usage.Input - usage.Cached,
            ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = usage.Reasoning },
        },
    });

    protected override string ErrorBody(FakeFault fault) => ChatWire.OpenAIStyleError(fault);
}
