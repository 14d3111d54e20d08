using System.Text.Json.Nodes;

namespace DistributedModel.Testing.Providers.Contracts;

/// <summary>What Ollama's native <c>POST /api/chat</c> rejects, with its <c>{"error":"…"}</c> body (ollama docs/api/errors.mdx [L3]).</summary>
public static class OllamaContract
{
    public static ContractViolation? Check(JsonObject body)
    {
        // L1 (ollama docs/api.md "Generate a chat completion": model is required; server/routes.go "model is required").
        if (body["model"] is not JsonValue) return Error("L1-model-required", "model is required");
        // L2 (docs/api.md: format is "json" or a JSON schema object).
        if (body["format"] is JsonNode f && !(f is JsonObject || (f is JsonValue fv && fv.TryGetValue<string>(out var fs) && fs == "json")))
            return Error("L2-format", $"invalid format: {f.ToJsonString()}; expected \"json\" or a JSON schema");
        // L3 (docs/api.md: think is a bool, or "low"|"medium"|"high" for models with levels).
        if (body["think"] is JsonNode t && !(t.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
            || (t is JsonValue tv && tv.TryGetValue<string>(out var ts) && ts is "low" or "medium" or "high")))
            return Error("L3-think", $"invalid think value: {t.ToJsonString()}");
        // L4 (docs/api.md: messages is an array of {role, content}).
        if (body["messages"] is not JsonArray) return Error("L4-messages", "messages must be an array");
        return null;
    }

    /// <summary>Ollama's context in tokens for this request (<c>options.num_ctx</c>, default 4096 [L6]).</summary>
    public static long ContextOf(JsonObject body) =>
        body["options"]?["num_ctx"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 4096;

    public static ContractViolation Error(string rule, string message) => new(rule, 400, WireJson.Serialize(new JsonObject { ["error"] = message }));
}
