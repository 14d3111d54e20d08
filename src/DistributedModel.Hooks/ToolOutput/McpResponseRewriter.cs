using System.Text.Json.Nodes;
using DistributedModel.Hooks.Runtime;

namespace DistributedModel.Hooks.ToolOutput;

/// <summary>
/// MCP tools (<c>mcp__server__tool</c>): the response shape belongs to the server (a string, an array of content blocks,
/// an object…), so every string leaf anywhere in the tree is a candidate; keys and non-string values stay as they are.
/// </summary>
public static class McpResponseRewriter
{
    public static ToolRewrite Rewrite(JsonNode response, LeafCompressor leaves)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(leaves);
        if (JsonStrings.Text(response) is { } text)
        {
            var compressed = leaves.Compress(text);
            return compressed is null ? ToolRewrite.Unchanged() : new ToolRewrite(JsonValue.Create(compressed), null);
        }
        return Walk(response, leaves) ? new ToolRewrite(response, null) : ToolRewrite.Unchanged();
    }

    private static bool Walk(JsonNode node, LeafCompressor leaves)
    {
        bool changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(static kv => kv.Key).ToList())
                    changed |= Visit(obj[key], leaves, replacement => obj[key] = replacement);
                break;
            case JsonArray arr:
                for (int i = 0; i < arr.Count; i++)
                {
                    int index = i;
                    changed |= Visit(arr[i], leaves, replacement => arr[index] = replacement);
                }
                break;
        }
        return changed;
    }

    private static bool Visit(JsonNode? child, LeafCompressor leaves, Action<JsonNode> replace)
    {
        if (JsonStrings.Text(child) is { } s)
        {
            var compressed = leaves.Compress(s);
            if (compressed is null) return false;
            replace(JsonValue.Create(compressed));
            return true;
        }
        return child is not null && Walk(child, leaves);
    }
}
