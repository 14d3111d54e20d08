using System.Text.Json.Nodes;

namespace DistributedModel.Testing.Anthropic;

/// <summary>A request Claude Code sent to the fake API: path and parsed JSON body (exactly what entered the model).</summary>
public sealed record CapturedRequest(string Path, JsonNode? Body)
{
    /// <summary>True for the agent loop (the request offers the Bash tool), as opposed to title/suggestion side calls.</summary>
    public bool IsMainLoop =>
        Body?["tools"] is JsonArray tools && tools.Any(t => t?["name"]?.GetValue<string>() == "Bash");

    /// <summary>Every <c>tool_result</c> block in the request's messages, with its text content joined.</summary>
    public IReadOnlyList<ToolResultBlock> ToolResults()
    {
        var list = new List<ToolResultBlock>();
        if (Body?["messages"] is not JsonArray messages) return list;
        foreach (var m in messages)
        {
            if (m?["content"] is not JsonArray blocks) continue;
            foreach (var b in blocks)
            {
                if (b?["type"]?.GetValue<string>() != "tool_result") continue;
                var id = b["tool_use_id"]?.GetValue<string>() ?? "";
                list.Add(new ToolResultBlock(id, ContentText(b["content"])));
            }
        }
        return list;
    }

    /// <summary>All text of the request's messages and system prompt (for "was this injected?" checks).</summary>
    public string AllText() => Body?.ToJsonString(Relaxed) ?? "";

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string ContentText(JsonNode? content) => content switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray arr => string.Concat(arr.Select(x => x?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };
}

/// <summary>A tool_result block: the tool_use id and the text that entered the model's context.</summary>
public sealed record ToolResultBlock(string ToolUseId, string Text);
