using System.Text.Json.Nodes;

namespace DistributedModel.Testing.Providers;

/// <summary>Pieces shared by the chat-style fakes (messages array, Bearer auth, OpenAI-style error body).</summary>
internal static class ChatWire
{
    public static string? Bearer(RecordedRequest request)
    {
        var auth = request.Header("Authorization");
        return auth is not null && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : null;
    }

    public static RecordedRequest Describe(RecordedRequest raw)
    {
        var json = WireJson.Parse(raw.Body);
        string? system = null, user = null;
        if (json["messages"] is JsonArray messages)
            foreach (var m in messages)
            {
                var role = m?["role"]?.GetValue<string>();
                var content = m?["content"]?.GetValue<string>();
                if (role == "system") system = content;
                else if (role == "user") user = content;
            }
        return raw with { Model = json["model"]?.GetValue<string>(), SystemPrompt = system, UserPrompt = user };
    }

    public static string OpenAIStyleError(FakeFault fault) => WireJson.Serialize(new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = fault.Message,
            ["type"] = fault.Code == "insufficient_quota" ? "insufficient_quota" : fault.Status >= 500 ? "server_error" : "invalid_request_error",
            ["param"] = null,
            ["code"] = fault.Code,
        },
    });
}
