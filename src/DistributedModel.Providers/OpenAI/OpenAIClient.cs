using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DistributedModel.Providers.Configuration;
using DistributedModel.Providers.Core;
using DistributedModel.Providers.Reasoning;
using DistributedModel.Providers.Security;

namespace DistributedModel.Providers.OpenAI;

/// <summary>
/// OpenAI Responses API (<c>/responses</c>) for reasoning models: <c>reasoning.effort</c>, <c>text.format</c>
/// json_schema / json_object, usage with cached and reasoning token details. No temperature (reasoning models reject it).
/// </summary>
internal sealed class OpenAIClient(HttpClient http, ProviderSettings settings, Redactor redactor, TimeProvider clock)
    : ProviderClientBase(http, settings, redactor, clock)
{
    public const string HttpClientName = "dm-openai";

    protected override HttpRequestMessage BuildRequest(ProviderCall call)
    {
        var body = new JsonObject
        {
            ["model"] = call.Model,
            ["input"] = call.UserPrompt,
            ["max_output_tokens"] = Math.Max(16, call.MaxOutputTokens),
            ["store"] = false,
        };
        var instructions = call.JsonSchema is null ? JsonBody.SystemWithJsonHint(call) : call.SystemPrompt;
        if (!string.IsNullOrEmpty(instructions)) body["instructions"] = instructions;
        // Mapped per model family (some reject minimal or none with 400 unsupported_value); lowest when the lane sets none.
        body["reasoning"] = new JsonObject { ["effort"] = EffortTable.OpenAI(call.Model, call.ReasoningEffort) };
        if (call.JsonSchema is not null)
            body["text"] = new JsonObject
            {
                ["format"] = new JsonObject
                {
                    ["type"] = "json_schema", ["name"] = "output", ["schema"] = JsonBody.Schema(call.JsonSchema), ["strict"] = true,
                },
            };
        else if (call.JsonOutput)
            body["text"] = new JsonObject { ["format"] = new JsonObject { ["type"] = "json_object" } };

        var url = new Uri(Settings.BaseUrl.ToString().TrimEnd('/') + "/responses");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonBody.From(body) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Settings.ApiKey);
        return request;
    }

    protected override ProviderResult Parse(JsonElement root, ProviderCall call)
    {
        var u = Child(root, "usage");
        var usage = new TokenUsage(
            Input: Long(u, "input_tokens"),
            Output: Long(u, "output_tokens"),
            Reasoning: Long(Child(u, "output_tokens_details"), "reasoning_tokens"),
            Cached: Long(Child(u, "input_tokens_details"), "cached_tokens"))
        {
            CacheWrite = Long(Child(u, "input_tokens_details"), "cache_write_tokens"),
        };

        if (Child(root, "error") is { ValueKind: JsonValueKind.Object } error)
            throw Fail(ProviderErrorClass.ServerError, call, $"response failed: {Str(error, "message") ?? "no message"}", null);

        var text = new StringBuilder();
        string? refusal = null;
        var output = Child(root, "output");
        if (output.ValueKind == JsonValueKind.Array)
            foreach (var item in output.EnumerateArray())
            {
                if (Str(item, "type") != "message") continue;
                var content = Child(item, "content");
                if (content.ValueKind != JsonValueKind.Array) continue;
                foreach (var part in content.EnumerateArray())
                {
                    var type = Str(part, "type");
                    if (type == "output_text" && Str(part, "text") is { } t) text.Append(t);
                    else if (type == "refusal") refusal = Str(part, "refusal");
                }
            }

        var status = Str(root, "status");
        if (status == "incomplete" && Str(Child(root, "incomplete_details"), "reason") == "max_output_tokens")
            throw Truncated(call, $"answer cut at max_output_tokens {call.MaxOutputTokens} (status incomplete; reasoning tokens count against it)", usage, Str(root, "model"));
        if (string.IsNullOrWhiteSpace(text.ToString()))
        {
            var why = refusal is not null ? $"model refused: {refusal}"
                : status == "incomplete" ? $"incomplete ({Str(Child(root, "incomplete_details"), "reason") ?? "unknown reason"}); raise maxOutputTokens, it includes reasoning tokens"
                : $"no output_text in the answer (status {status ?? "none"})";
            throw Fail(ProviderErrorClass.EmptyResponse, call, why, null, usage, Str(root, "model"));
        }
        return new ProviderResult(text.ToString(), Str(root, "model") ?? call.Model, usage, status);
    }
}
