using System.Text;
using System.Text.Json.Nodes;

namespace DistributedModel.Testing.Anthropic;

/// <summary>Builds the Messages API streaming events (message_start, content_block_*, message_delta, message_stop) for one reply.</summary>
public static class AnthropicSse
{
    public static IReadOnlyList<(string Event, JsonObject Data)> Events(IReadOnlyList<JsonObject> blocks, string stopReason)
    {
        var events = new List<(string, JsonObject)>
        {
            ("message_start", new JsonObject
            {
                ["type"] = "message_start",
                ["message"] = MessageEnvelope([], null),
            }),
        };
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            if (b["type"]!.GetValue<string>() == "text")
            {
                events.Add(("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = i, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" } }));
                events.Add(("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = i, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = b["text"]!.GetValue<string>() } }));
            }
            else
            {
                events.Add(("content_block_start", new JsonObject
                {
                    ["type"] = "content_block_start", ["index"] = i,
                    ["content_block"] = new JsonObject { ["type"] = "tool_use", ["id"] = b["id"]!.GetValue<string>(), ["name"] = b["name"]!.GetValue<string>(), ["input"] = new JsonObject() },
                }));
                events.Add(("content_block_delta", new JsonObject
                {
                    ["type"] = "content_block_delta", ["index"] = i,
                    ["delta"] = new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = b["input"]!.ToJsonString() },
                }));
            }
            events.Add(("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = i }));
        }
        events.Add(("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = stopReason, ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = 5 },
        }));
        events.Add(("message_stop", new JsonObject { ["type"] = "message_stop" }));
        return events;
    }

    public static string Format(IEnumerable<(string Event, JsonObject Data)> events)
    {
        var sb = new StringBuilder();
        foreach (var (name, data) in events) sb.Append("event: ").Append(name).Append("\ndata: ").Append(data.ToJsonString()).Append("\n\n");
        return sb.ToString();
    }

    /// <summary>The non-streaming response body for the same reply.</summary>
    public static JsonObject Message(IReadOnlyList<JsonObject> blocks, string stopReason)
    {
        var content = new JsonArray();
        foreach (var b in blocks) content.Add(b.DeepClone());
        return MessageEnvelope(content, stopReason);
    }

    private static JsonObject MessageEnvelope(JsonArray content, string? stopReason) => new()
    {
        ["id"] = "msg_fake", ["type"] = "message", ["role"] = "assistant", ["model"] = "claude-fake",
        ["content"] = content, ["stop_reason"] = stopReason, ["stop_sequence"] = null,
        ["usage"] = new JsonObject { ["input_tokens"] = 1, ["output_tokens"] = 1 },
    };
}
