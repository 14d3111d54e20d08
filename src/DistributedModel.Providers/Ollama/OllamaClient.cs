using System.Text.Json;
using System.Text.Json.Nodes;
using DistributedModel.Providers.Configuration;
using DistributedModel.Providers.Core;
using DistributedModel.Providers.Reasoning;
using DistributedModel.Providers.Security;

namespace DistributedModel.Providers.Ollama;

/// <summary>
/// Ollama native <c>/api/chat</c> with <c>stream:false</c> (the OpenAI-style <c>/v1/</c> endpoint ignores
/// <c>num_ctx</c>, and Ollama silently truncates prompts beyond its context).
/// </summary>
internal sealed class OllamaClient(HttpClient http, ProviderSettings settings, Redactor redactor, TimeProvider clock)
    : ProviderClientBase(http, settings, redactor, clock)
{
    public const string HttpClientName = "dm-ollama";

    protected override HttpRequestMessage BuildRequest(ProviderCall call)
    {
        // Ollama answers 200 after silently dropping what does not fit in num_ctx; refuse instead (≈4 chars per token
        // is a low estimate for code, so this only catches prompts that certainly do not fit).
        var estimated = (call.SystemPrompt.Length + call.UserPrompt.Length) / 4 + call.MaxOutputTokens;
        if (estimated > Settings.NumCtx)
            throw Fail(ProviderErrorClass.ContextTooLong, call,
                $"prompt ≈{estimated} tokens with the output budget exceeds num_ctx {Settings.NumCtx} (providers.ollama.numCtx); " +
                "Ollama would silently truncate it (not sent)", null);

        var messages = new JsonArray();
        if (!string.IsNullOrEmpty(call.SystemPrompt)) messages.Add((JsonNode)new JsonObject { ["role"] = "system", ["content"] = call.SystemPrompt });
        messages.Add((JsonNode)new JsonObject { ["role"] = "user", ["content"] = call.UserPrompt });

        var body = new JsonObject
        {
            ["model"] = call.Model,
            ["messages"] = messages,
            ["stream"] = false,
            ["think"] = EffortTable.Ollama(call.ReasoningEffort),
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
        if (Str(root, "done_reason") == "length")
            throw Truncated(call, $"answer cut at num_predict {call.MaxOutputTokens} (done_reason length)", usage, Str(root, "model"));
        // Ollama keeps only what fits its context and still answers 200; the only sign is a prompt_eval_count far below
        // what was sent (ollama/ollama#3839). About 4 characters per token; a cached prefix can also lower the count,
        // so only a count under a third of the estimate, on a prompt of more than 1,000 tokens, is taken as a cut.
        var sent = (call.SystemPrompt.Length + call.UserPrompt.Length) / 4;
        if (sent > 1000 && usage.Input * 3 < sent)
            throw Truncated(call, $"prompt silently truncated: ≈{sent} tokens sent, {usage.Input} evaluated (prompt_eval_count); " +
                "the server's context is smaller than num_ctx — set OLLAMA_CONTEXT_LENGTH or providers.ollama.numCtx", usage, Str(root, "model"), largerBudgetHelps: false);
        if (string.IsNullOrWhiteSpace(text))
            throw Fail(ProviderErrorClass.EmptyResponse, call, $"no text in the answer (done_reason {Str(root, "done_reason") ?? "none"})", null, usage, Str(root, "model"));
        return new ProviderResult(text, Str(root, "model") ?? call.Model, usage, Str(root, "done_reason"));
    }
}
