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
        // Every string leaf, with where to put its replacement; all share the response's one budget.
        var found = new List<(string Text, Action<JsonNode> Replace)>();
        Collect(response, found);
        if (found.Count == 0) return ToolRewrite.Unchanged();
        var replacements = leaves.CompressAll(found.ConvertAll(static f => f.Text));
        bool changed = false;
        for (int i = 0; i < found.Count; i++)
        {
            if (replacements[i] is not { } r) continue;
            found[i].Replace(JsonValue.Create(r));
            changed = true;
        }
        return changed ? new ToolRewrite(response, null) : ToolRewrite.Unchanged();
    }

    private static void Collect(JsonNode node, List<(string, Action<JsonNode>)> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(static kv => kv.Key).ToList())
                    Visit(obj[key], found, replacement => obj[key] = replacement);
                break;
            case JsonArray arr:
                for (int i = 0; i < arr.Count; i++)
                {
                    int index = i;
                    Visit(arr[i], found, replacement => arr[index] = replacement);
                }
                break;
        }
    }

    private static void Visit(JsonNode? child, List<(string, Action<JsonNode>)> found, Action<JsonNode> replace)
    {
        if (JsonStrings.Text(child) is { } s) found.Add((s, replace));
        else if (child is not null) Collect(child, found);
    }
}
