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
    /// <param name="readPersisted">Reads the file behind <c>persistedOutputPath</c> (see <see cref="ReadPersisted"/>).</param>
    public static ToolRewrite Rewrite(JsonNode response, LeafCompressor leaves, Func<string, string> readPersisted)
    {
        ArgumentNullException.ThrowIfNull(readPersisted);
        ArgumentNullException.ThrowIfNull(leaves);
        if (response is not JsonObject obj) throw new FailOpenException("unexpected-shape", "Bash tool_response is not an object");
        if (JsonStrings.IsTrue(obj["isImage"])) return ToolRewrite.Unchanged("image");

        if (JsonStrings.Of(obj["persistedOutputPath"]) is { Length: > 0 } persistedPath)
            return RewritePersisted(obj, readPersisted(persistedPath), leaves);

        if (!obj.ContainsKey("stdout") && !obj.ContainsKey("stderr")) throw new FailOpenException("missing-fields", "Bash tool_response has no stdout/stderr");
        var stdout = JsonStrings.Text(obj["stdout"]) ?? "";
        var stderr = JsonStrings.Text(obj["stderr"]) ?? "";
        var compressed = leaves.CompressAll([stdout, stderr]);
        if (compressed[0] is null && compressed[1] is null) return ToolRewrite.Unchanged();
        if (compressed[0] is { } o) obj["stdout"] = o;
        if (compressed[1] is { } e) obj["stderr"] = e;
        return new ToolRewrite(obj, null);
    }

    private static ToolRewrite RewritePersisted(JsonObject obj, string full, LeafCompressor leaves)
    {
        var stderr = JsonStrings.Text(obj["stderr"]) ?? "";
        var compressed = leaves.CompressAll([full, stderr]);
        if (compressed[0] is null) return ToolRewrite.Unchanged("persisted-unchanged");
        obj["stdout"] = compressed[0];
        if (compressed[1] is { } e) obj["stderr"] = e;
        foreach (var key in obj.Select(static kv => kv.Key).Where(static k => k.StartsWith("persisted", StringComparison.Ordinal)).ToList())
            obj.Remove(key);
        return new ToolRewrite(obj, "persisted");
    }

    /// <summary>
    /// Reads Claude Code's saved full output: only from its own directories or the project (resolved path), only a regular
    /// file (a FIFO never blocks the hook, <c>/dev/zero</c> is refused), at most <see cref="HookLimits.MaxPersistedOutputBytes"/>,
    /// UTF-8 text only. Fails open otherwise.
    /// </summary>
    public static string ReadPersisted(string path, string workspaceRoot, string? transcriptPath)
    {
        var real = PersistedOutputLocation.Resolve(path, workspaceRoot, transcriptPath);
        var bytes = RegularFile.Read(real, HookLimits.MaxPersistedOutputBytes);
        if (!Utf8.IsValid(bytes)) throw new FailOpenException("binary", "persisted output is not UTF-8");
        return Encoding.UTF8.GetString(bytes);
    }
}
