using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DistributedModel.Providers.Configuration;
using DistributedModel.Providers.Core;
using DistributedModel.Providers.Reasoning;
using DistributedModel.Providers.Security;

namespace DistributedModel.Providers.Gemini;

/// <summary>
/// Gemini native <c>models/{model}:generateContent</c> with <c>x-goog-api-key</c> (the native API reports thinking
/// and cached tokens separately; retry hints arrive in the body's <c>RetryInfo.retryDelay</c>).
/// </summary>
internal sealed class GeminiClient(HttpClient http, ProviderSettings settings, Redactor redactor, TimeProvider clock)
    : ProviderClientBase(http, settings, redactor, clock)
{
    public const string HttpClientName = "dm-gemini";

    internal Uri Endpoint(string model)
    {
        var b = Settings.BaseUrl.ToString().TrimEnd('/');
        if (!b.EndsWith("/v1beta", StringComparison.Ordinal) && !b.EndsWith("/v1", StringComparison.Ordinal)) b += "/v1beta";
        return new Uri($"{b}/models/{Uri.EscapeDataString(model)}:generateContent");
    }

    protected override HttpRequestMessage BuildRequest(ProviderCall call)
    {
        var generation = new JsonObject { ["maxOutputTokens"] = call.MaxOutputTokens };
        if (call.WantsJson) generation["responseMimeType"] = "application/json";
        // Full JSON Schema (additionalProperties, "type": [..., "null"]) goes in responseJsonSchema; responseSchema takes only
        // Gemini's OpenAPI subset and answers 400 "Unknown name" for our schemas (ai.google.dev structured-output docs).
        if (call.JsonSchema is not null) generation["responseJsonSchema"] = JsonBody.Schema(call.JsonSchema);
        // Always explicit: with no thinkingConfig Gemini 3.x thinks at medium, and thinking counts against maxOutputTokens.
        generation["thinkingConfig"] = EffortTable.Gemini(call.Model, call.ReasoningEffort);

        var body = new JsonObject
        {
            ["contents"] = new JsonArray(new JsonObject
            {
                ["role"] = "user",
                ["parts"] = new JsonArray(new JsonObject { ["text"] = call.UserPrompt }),
            }),
            ["generationConfig"] = generation,
        };
        if (!string.IsNullOrEmpty(call.SystemPrompt))
            body["systemInstruction"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["text"] = call.SystemPrompt }) };

        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(call.Model)) { Content = JsonBody.From(body) };
        request.Headers.TryAddWithoutValidation("x-goog-api-key", Settings.ApiKey);
        return request;
    }

    protected override ProviderResult Parse(JsonElement root, ProviderCall call)
    {
        var usageJson = Child(root, "usageMetadata");
        var thoughts = Long(usageJson, "thoughtsTokenCount");
        var usage = new TokenUsage(
            Input: Long(usageJson, "promptTokenCount"),
            Output: Long(usageJson, "candidatesTokenCount") + thoughts,
            Reasoning: thoughts,
            Cached: Long(usageJson, "cachedContentTokenCount"));
        var model = Str(root, "modelVersion") ?? call.Model;

        var candidates = Child(root, "candidates");
        if (candidates.ValueKind != JsonValueKind.Array || candidates.GetArrayLength() == 0)
        {
            var block = Str(Child(root, "promptFeedback"), "blockReason");
            throw Fail(block is null ? ProviderErrorClass.EmptyResponse : ProviderErrorClass.BadRequest, call,
                block is null ? "response has no candidates" : $"prompt blocked ({block})", null, usage, model);
        }

        var first = candidates[0];
        var finish = Str(first, "finishReason");
        var text = new StringBuilder();
        var parts = Child(Child(first, "content"), "parts");
        if (parts.ValueKind == JsonValueKind.Array)
            foreach (var part in parts.EnumerateArray())
            {
                if (part.TryGetProperty("thought", out var t) && t.ValueKind == JsonValueKind.True) continue;
                if (Str(part, "text") is { } s) text.Append(s);
            }

        if (finish == "MAX_TOKENS")
            throw Truncated(call, $"answer cut at maxOutputTokens {call.MaxOutputTokens} (finishReason MAX_TOKENS; {thoughts} thinking tokens counted against it)", usage, model);
        if (string.IsNullOrWhiteSpace(text.ToString()))
            throw Fail(ProviderErrorClass.EmptyResponse, call, $"no text in the answer (finishReason {finish ?? "none"})", null, usage, model);
        return new ProviderResult(text.ToString(), model, usage, finish);
    }
}
