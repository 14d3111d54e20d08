using System.Text.Json.Nodes;
using DistributedModel.Testing.Providers.Contracts;

namespace DistributedModel.Testing.Providers;

/// <summary>
/// Fake OpenAI Responses API <c>POST /v1/responses</c> (base URL is <c>{BaseUrl}/v1</c>, see <see cref="ApiBaseUrl"/>)
/// with <c>Authorization: Bearer</c>. Output is a reasoning item plus a message item with an <c>output_text</c> part.
/// </summary>
public sealed class FakeOpenAI : FakeProviderServer
{
    public override string Provider => "openai";

    /// <summary>What to put in OPENAI_BASE_URL.</summary>
    public string ApiBaseUrl => BaseUrl + "/v1";

    public static Task<FakeOpenAI> StartAsync() => StartAsync(new FakeOpenAI());

    protected override bool IsEndpoint(string method, string path) => method == "POST" && path == "/v1/responses";

    protected override string? PresentedKey(RecordedRequest request) => ChatWire.Bearer(request);

    protected override RecordedRequest Describe(RecordedRequest raw)
    {
        var json = WireJson.Parse(raw.Body);
        return raw with
        {
            Model = json["model"]?.GetValue<string>(),
            SystemPrompt = json["instructions"]?.GetValue<string>(),
            UserPrompt = json["input"] is JsonValue v ? v.GetValue<string>() : json["input"]?.ToJsonString(),
        };
    }

    protected override ContractViolation? Check(RecordedRequest request, JsonObject body) => OpenAIContract.Check(body);

    protected override string SuccessBody(RecordedRequest request, string text, FakeUsage usage, bool cut) => WireJson.Serialize(new JsonObject
    {
        ["id"] = "resp_fake" + Guid.NewGuid().ToString("N")[..8],
        ["object"] = "response",
        ["created_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["status"] = cut ? "incomplete" : "completed",
        ["incomplete_details"] = cut ? new JsonObject { ["reason"] = "max_output_tokens" } : null,
        ["model"] = request.Model ?? "gpt-fake",
        ["output"] = new JsonArray(
            new JsonObject { ["type"] = "reasoning", ["id"] = "rs_fake", ["summary"] = new JsonArray() },
            new JsonObject
            {
                ["type"] = "message", ["id"] = "msg_fake", ["status"] = cut ? "incomplete" : "completed", ["role"] = "assistant",
                ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() }),
            }),
        ["usage"] = new JsonObject
        {
            ["input_tokens"] = usage.Input,
            ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = usage.Cached, ["cache_write_tokens"] = usage.CacheWrite },
            ["output_tokens"] = usage.Output,
            ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = usage.Reasoning },
            ["total_tokens"] = usage.Input + usage.Output,
        },
    });

    protected override string ErrorBody(FakeFault fault) => ChatWire.OpenAIStyleError(fault);
}
