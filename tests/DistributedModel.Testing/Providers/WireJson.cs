using System.Text.Json;
using System.Text.Json.Nodes;

namespace DistributedModel.Testing.Providers;

internal static class WireJson
{
    public static string Str(JsonNode? node) => node?.GetValue<string>() ?? "";

    public static string Serialize(JsonNode node) => node.ToJsonString();

    public static JsonObject Parse(string body) => JsonNode.Parse(body) as JsonObject ?? throw new JsonException("body is not a JSON object");
}
