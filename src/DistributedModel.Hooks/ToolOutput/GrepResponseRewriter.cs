using System.Text.Json.Nodes;
using DistributedModel.Hooks.Runtime;

namespace DistributedModel.Hooks.ToolOutput;

/// <summary>Grep: <c>{"mode","numFiles","filenames":[…],"content":"…",…}</c>. Compresses <c>content</c> (content mode); file lists stay.</summary>
public static class GrepResponseRewriter
{
    public static ToolRewrite Rewrite(JsonNode response, LeafCompressor leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (response is not JsonObject obj) throw new FailOpenException("unexpected-shape", "Grep tool_response is not an object");
        if (JsonStrings.Text(obj["content"]) is not { } content) return ToolRewrite.Unchanged("no-content");
        var compressed = leaves.Compress(content);
        if (compressed is null) return ToolRewrite.Unchanged();
        obj["content"] = compressed;
        return new ToolRewrite(obj, null);
    }
}
