using System.Text.Json.Nodes;
using DistributedModel.Compression;
using DistributedModel.Hooks.Runtime;

namespace DistributedModel.Hooks.ToolOutput;

/// <summary>
/// Read: <c>{"type":"text","file":{"filePath","content","numLines","startLine","totalLines"}}</c>. Only log-like files
/// (logs, build/test output) are compressed; source files never are — the model may Edit them and Edit needs the exact text.
/// </summary>
public static class ReadResponseRewriter
{
    /// <summary>A Read with a <c>limit</c> up to this many lines is a deliberate look at a range: it stays whole.</summary>
    public const int DeliberateRangeMaxLines = 400;

    /// <param name="toolInput">The Read call's input (<c>file_path</c>, <c>offset</c>, <c>limit</c>).</param>
    public static ToolRewrite Rewrite(JsonNode response, LeafCompressor leaves, JsonNode? toolInput = null)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (toolInput?["limit"] is JsonValue lv && lv.TryGetValue<int>(out var limit) && limit <= DeliberateRangeMaxLines)
            return ToolRewrite.Unchanged("ranged-read");
        if (response is not JsonObject obj) throw new FailOpenException("unexpected-shape", "Read tool_response is not an object");
        if (JsonStrings.Of(obj["type"]) is { } type && type != "text") return ToolRewrite.Unchanged(type);
        if (obj["file"] is not JsonObject file || JsonStrings.Text(file["content"]) is not { } content)
            throw new FailOpenException("missing-fields", "Read tool_response has no file.content");
        var path = JsonStrings.Of(file["filePath"]);
        if (!LogLikeDetector.IsLogLike(path, content)) return ToolRewrite.Unchanged("not-log-like");
        var compressed = leaves.Compress(content);
        if (compressed is null) return ToolRewrite.Unchanged();
        file["content"] = compressed;
        return new ToolRewrite(obj, null);
    }
}
