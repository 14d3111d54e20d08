using System.Text.Json;
using System.Text.Json.Nodes;
using DistributedModel.Providers.Configuration;
using DistributedModel.Providers.Core;
using DistributedModel.Providers.Security;

namespace DistributedModel.Providers.Ollama;

/// <summary>
/// Ollama native <c>/api/chat</c> with <c>stream:false</c> (the OpenAI-style <c>/v1/</c> endpoint ignores
/// <c>num_ctx</c>, and Ollama silently truncates prompts beyond its context).
/// </summary>
internal sealed class OllamaClient(HttpClient http, ProviderSettings settings, Redactor redactor)
    : ProviderClientBase(http, settings, redactor)
{
    public const string HttpClientName = "dm-ollama";

    protected override HttpRequestMessage BuildRequest(ProviderCall call)
    {
        var messages = new JsonArray();
        if (!string.IsNullOrEmpty(call.SystemPrompt)) messages.Add(new JsonObject { ["role"] = "system", ["content"] = call.SystemPrompt });
        messages.Add(new JsonObject { ["role"] = "user", ["content"] = call.UserPrompt });

        var body = new JsonObject
        {
            ["model"] = call.Model,
            ["messages"] = messages,
            ["stream"] = false,
            ["think"] = call.ReasoningEffort is not null && call.ReasoningEffort != "none",
            ["options"] = new JsonObject { ["num_predict"] = call.MaxOutputTokens, ["num_ctx"] = Settings.NumCtx },
        };
        if (call.JsonSchema is not null) body["format"] = JsonBody.Schema(call.JsonSchema);
        else if (call.JsonOutput) body["format"] = "json";

        var url = new Uri(Settings.BaseUrl.ToString().TrimEnd('/') + "/api/chat");
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonBody.From(body) };
    }

    protected override ProviderResult Parse(JsonElement root, ProviderCall call)
    {
        if (Str(root, "error") is { } error)
            throw Fail(ProviderErrorClass.ServerError, call, $"error in a 200 response: {error}", null);
        var usage = new TokenUsage(Long(root, "prompt_eval_count"), Long(root, "eval_count"), 0, 0);
        var text = Str(Child(root, "message"), "content");
        if (string.IsNullOrWhiteSpace(text))
            throw Fail(ProviderErrorClass.EmptyResponse, call, $"no text in the answer (done_reason {Str(root, "done_reason") ?? "none"})", null);
        return new ProviderResult(text, Str(root, "model") ?? call.Model, usage, Str(root, "done_reason"));
    }
}
