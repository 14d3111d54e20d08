using System.Text.Json.Nodes;

namespace DistributedModel.Testing.Providers.Contracts;

/// <summary>
/// What the real DeepSeek <c>POST /chat/completions</c> rejects, with its OpenAI-style error body
/// (<c>{"error":{"message","type":"invalid_request_error","param","code":"invalid_request_error"}}</c>).
/// </summary>
public static class DeepSeekContract
{
    // https://api-docs.deepseek.com/guides/thinking_mode: requested effort → actual (minimal/low → low, medium/high/xhigh → high,
    // max/ultra → max). Anything else is refused.
    public static readonly IReadOnlyList<string> Efforts = ["minimal", "low", "medium", "high", "xhigh", "max", "ultra"];

    /// <summary>The effort DeepSeek actually runs for a requested one (same page's mapping table).</summary>
    public static string ActualEffort(string requested) => requested switch
    {
        "minimal" or "low" => "low",
        "max" or "ultra" => "max",
        _ => "high",
    };

    public static ContractViolation? Check(JsonObject body)
    {
        // D1 (https://api-docs.deepseek.com/api/create-chat-completion): model and a non-empty messages array are required.
        if (body["model"] is null) return Error("D1-required", "Missing required parameter: 'model'", 400);
        if (body["messages"] is not JsonArray { Count: > 0 } messages) return Error("D1-required", "Missing required parameter: 'messages'", 400);

        var format = body["response_format"]?["type"]?.GetValue<string>();
        // D2 (UKGovernmentBEIS/inspect_ai#4916, body quoted there): json_schema is not a DeepSeek response_format.
        if (format is not null && format is not ("text" or "json_object"))
            return Error("D2-response-format-type", "This response_format type is unavailable now", 400);
        // D3 (https://api-docs.deepseek.com/guides/json_mode.md; body as quoted in Canner/WrenAI#1581 and vercel/ai#7913):
        // JSON mode needs the word "json" in the system or user prompt.
        if (format == "json_object" && !messages.Any(m => (m?["content"]?.ToJsonString() ?? "").Contains("json", StringComparison.OrdinalIgnoreCase)))
            return Error("D3-json-word", "Prompt must contain the word 'json' in some form to use 'response_format' of type 'json_object'.", 400);

        // D4 (thinking_mode page): thinking.type is enabled|disabled.
        if (body["thinking"] is JsonObject thinking && thinking["type"]?.GetValue<string>() is not ("enabled" or "disabled"))
            return Error("D4-thinking-type", $"Invalid thinking type: {thinking["type"]?.ToJsonString() ?? "null"}; expected 'enabled' or 'disabled'", 400);
        // D5 (thinking_mode page): reasoning_effort takes the values of its mapping table.
        if (body["reasoning_effort"] is JsonNode e && !(e is JsonValue ev && ev.TryGetValue<string>(out var es) && Efforts.Contains(es)))
            return Error("D5-reasoning-effort", $"Invalid reasoning_effort: {e.ToJsonString()}", 400);

        // D6 (https://api-docs.deepseek.com/quick_start/error_codes: 422 "Invalid Parameters"; V4 max output 384K [D1]).
        if (body["max_tokens"] is JsonValue mt && mt.TryGetValue<long>(out var max) && (max < 1 || max > 384_000))
            return Error("D6-max-tokens-range", $"Invalid max_tokens value, the valid range of max_tokens is [1, 384000]", 422);
        return null;
    }

    public static ContractViolation Error(string rule, string message, int status) => new(rule, status, WireJson.Serialize(new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = null, ["code"] = "invalid_request_error" },
    }));
}
