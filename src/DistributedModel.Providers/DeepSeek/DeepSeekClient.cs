using System.Text.Json;
using System.Text.Json.Nodes;
using DistributedModel.Providers.Configuration;
using DistributedModel.Providers.Core;
using DistributedModel.Providers.Reasoning;
using DistributedModel.Providers.Security;

namespace DistributedModel.Providers.DeepSeek;

/// <summary>
/// DeepSeek <c>/chat/completions</c>. Thinking is on by default upstream (and bills output tokens), so it is
/// disabled unless the caller asks for a reasoning effort. Usage reports cache hits as <c>prompt_cache_hit_tokens</c>.
/// </summary>
internal sealed class DeepSeekClient(HttpClient http, ProviderSettings settings, Redactor redactor, TimeProvider clock)
    : ProviderClientBase(http, settings, redactor, clock)
{
    public const string HttpClientName = "dm-deepseek";

    protected override HttpRequestMessage BuildRequest(ProviderCall call)
    {
        var system = JsonBody.SystemWithJsonHint(call);
        var messages = new JsonArray();
        if (!string.IsNullOrEmpty(system)) messages.Add((JsonNode)new JsonObject { ["role"] = "system", ["content"] = system });
        messages.Add((JsonNode)new JsonObject { ["role"] = "user", ["content"] = call.UserPrompt });

        var body = new JsonObject
        {
            ["model"] = call.Model,
            ["messages"] = messages,
            ["max_tokens"] = call.MaxOutputTokens,
            ["stream"] = false,
        };
        if (EffortTable.DeepSeek(call.ReasoningEffort) is { } effort)
        {
            body["thinking"] = new JsonObject { ["type"] = "enabled" };
            body["reasoning_effort"] = effort;
        }
        else
            body["thinking"] = new JsonObject { ["type"] = "disabled" };
        if (call.WantsJson) body["response_format"] = new JsonObject { ["type"] = "json_object" };

        var url = new Uri(Settings.BaseUrl.ToString().TrimEnd('/') + "/chat/completions");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonBody.From(body) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Settings.ApiKey);
        return request;
    }

    protected override ProviderResult Parse(JsonElement root, ProviderCall call)
    {
        var u = Child(root, "usage");
        var usage = new TokenUsage(
            Input: Long(u, "prompt_tokens"),
            Output: Long(u, "completion_tokens"),
            Reasoning: Long(Child(u, "completion_tokens_details"), "reasoning_tokens"),
            Cached: Long(u, "prompt_cache_hit_tokens"));
        var choices = Child(root, "choices");
        if (choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
            throw Fail(ProviderErrorClass.EmptyResponse, call, "response has no choices", null);
        var finish = Str(choices[0], "finish_reason");
        var text = Str(Child(choices[0], "message"), "content");
        if (finish == "length")
            throw Truncated(call, $"answer cut at max_tokens {call.MaxOutputTokens} (finish_reason length; reasoning tokens count against it)", usage, Str(root, "model"));
        if (call.WantsJson && finish == "stop" && string.IsNullOrWhiteSpace(text))
            throw BlankJson(call, "JSON mode answered blank content (finish_reason stop); the JSON-mode guide says to retry", usage, Str(root, "model"));
        if (string.IsNullOrWhiteSpace(text))
            throw Fail(ProviderErrorClass.EmptyResponse, call, $"empty content (finish_reason {finish ?? "none"})", null, usage, Str(root, "model"));
        return new ProviderResult(text, Str(root, "model") ?? call.Model, usage, finish);
    }
}
