using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace DistributedModel.Providers.Core;

internal static class JsonBody
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static HttpContent From(JsonObject body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
        content.Headers.ContentType = Json;
        return content;
    }

    /// <summary>Parses caller-supplied schema text; the lane client validated it already.</summary>
    public static JsonNode Schema(string schema) => JsonNode.Parse(schema)!;

    public const string JsonInstruction = "Respond with a single JSON object only.";

    /// <summary>Providers whose JSON mode requires the word "json" in the prompt get an explicit instruction.</summary>
    public static string SystemWithJsonHint(ProviderCall call)
    {
        if (!call.WantsJson) return call.SystemPrompt;
        var hint = call.JsonSchema is null ? JsonInstruction : $"{JsonInstruction} It must match this JSON schema: {call.JsonSchema}";
        return string.IsNullOrEmpty(call.SystemPrompt) ? hint : call.SystemPrompt + "\n\n" + hint;
    }
}
