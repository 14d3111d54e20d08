using System.Text;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using DistributedModel.Hooks.Runtime;

namespace DistributedModel.Hooks.ToolOutput;

/// <summary>
/// Bash: <c>{"stdout","stderr","interrupted","isImage",…}</c>. Compresses <c>stdout</c> and <c>stderr</c> in place.
/// When Claude Code persisted a large output (<c>persistedOutputPath</c>, <c>persistedOutputSize</c>; <c>stdout</c> then only
/// holds a 30 K-character prefix) the full text is read from that file, compressed, and returned as <c>stdout</c>
/// with the <c>persisted*</c> keys removed — otherwise Claude Code shows the model only a 2 KB preview.
/// </summary>
public static class BashResponseRewriter
{
    public static ToolRewrite Rewrite(JsonNode response, LeafCompressor leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (response is not JsonObject obj) throw new FailOpenException("unexpected-shape", "Bash tool_response is not an object");
        if (JsonStrings.IsTrue(obj["isImage"])) return ToolRewrite.Unchanged("image");

        if (JsonStrings.Of(obj["persistedOutputPath"]) is { Length: > 0 } persistedPath)
            return RewritePersisted(obj, persistedPath, leaves);

        bool changed = false;
        foreach (var key in (ReadOnlySpan<string>)["stdout", "stderr"])
        {
            if (JsonStrings.Text(obj[key]) is { } text)
            {
                var compressed = leaves.Compress(text);
                if (compressed is not null) { obj[key] = compressed; changed = true; }
            }
        }
        if (!obj.ContainsKey("stdout") && !obj.ContainsKey("stderr")) throw new FailOpenException("missing-fields", "Bash tool_response has no stdout/stderr");
        return changed ? new ToolRewrite(obj, null) : ToolRewrite.Unchanged();
    }

    private static ToolRewrite RewritePersisted(JsonObject obj, string path, LeafCompressor leaves)
    {
        var full = ReadPersisted(path);
        var compressed = leaves.Compress(full);
        if (compressed is null) return ToolRewrite.Unchanged("persisted-unchanged");
        obj["stdout"] = compressed;
        if (JsonStrings.Text(obj["stderr"]) is { } stderr)
        {
            var err = leaves.Compress(stderr);
            if (err is not null) obj["stderr"] = err;
        }
        foreach (var key in obj.Select(static kv => kv.Key).Where(static k => k.StartsWith("persisted", StringComparison.Ordinal)).ToList())
            obj.Remove(key);
        return new ToolRewrite(obj, "persisted");
    }

    /// <summary>Reads Claude Code's saved full output. Fails open when it is missing, too large, or not UTF-8 text.</summary>
    internal static string ReadPersisted(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new FailOpenException("persisted-unreadable", "file not found");
            if (info.Length > HookLimits.MaxPersistedOutputBytes) throw new FailOpenException("too-large", $"persisted output {info.Length} bytes");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new FailOpenException("persisted-unreadable", ex.GetType().Name);
        }
        if (!Utf8.IsValid(bytes)) throw new FailOpenException("binary", "persisted output is not UTF-8");
        return Encoding.UTF8.GetString(bytes);
    }
}
