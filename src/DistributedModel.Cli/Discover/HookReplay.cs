using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using DistributedModel.Compression;
using DistributedModel.Hooks.Runtime;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Hooks.Workspace;

namespace DistributedModel.Cli.Discover;

/// <summary>
/// What the PostToolUse hook would have done with one past tool call, computed without writing anything: the same
/// leaves it looks at per tool (Bash <c>stdout</c>/<c>stderr</c> — the full persisted file when Claude Code saved one —, Read
/// <c>file.content</c> of log-like files, Grep <c>content</c>, every string leaf of an MCP response), the same pass-through
/// and binary rules, and the real <see cref="OutputCompressor.Compress"/> with the raw-store path the hook would have
/// named (planned, never saved). <see cref="ReplayResult.InputBytes"/>/<see cref="ReplayResult.OutputBytes"/> are what
/// the hook would have logged as <c>in</c>/<c>out</c> in <c>.claude/hooks.log</c>.
/// </summary>
public sealed class HookReplay
{
    private readonly RawOutputStore _plannedStore;
    private readonly CompressionOptions _options;
    private readonly DateTimeOffset _now;

    /// <param name="repoRoot">The project whose <c>.claude/dm/raw/</c> the hook would have named in its markers.</param>
    /// <param name="now">Time used for raw-store names when a result has no timestamp.</param>
    public HookReplay(string repoRoot, DateTimeOffset now, CompressionOptions? options = null)
    {
        _plannedStore = new RawOutputStore(new WorkspacePaths(repoRoot).RawDir);
        _options = options ?? new CompressionOptions();
        _now = now;
    }

    public ReplayResult Replay(TranscriptToolCall call, string toolResultsDir)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tool = call.Tool;
        bool isMcp = tool.StartsWith("mcp__", StringComparison.Ordinal);
        if (tool is not ("Bash" or "Read" or "Grep") && !isMcp) return ReplayResult.NotRun("not-matched");
        if (call.IsError) return ReplayResult.NotRun("tool-error");
        if (call.Response is not { } response) return ReplayResult.NotRun("no-tool-response");
        if (call.Input is { } input && PostToolUseHook.ReadsTheRawStore(JsonNode.Parse(input.GetRawText())))
            return ReplayResult.NotRun("raw-store");

        var leaves = new Leaves(this, tool, call.Timestamp ?? _now);
        try
        {
            switch (tool)
            {
                case "Bash": Bash(response, leaves, toolResultsDir); break;
                case "Read": Read(response, call.Input, leaves); break;
                case "Grep": if (Text(response, "content") is { } c) leaves.Add(c); break;
                default: Mcp(response, leaves); break;
            }
        }
        catch (FailOpenException ex)
        {
            return ReplayResult.NotRun(ex.Reason) with { InputBytes = leaves.InputBytes, OutputBytes = leaves.InputBytes, FullText = leaves.Full.ToString() };
        }
        return leaves.Result();
    }

    private static void Bash(JsonElement response, Leaves leaves, string toolResultsDir)
    {
        if (response.ValueKind != JsonValueKind.Object) throw new FailOpenException("unexpected-shape");
        if (response.TryGetProperty("isImage", out var img) && img.ValueKind == JsonValueKind.True) return;
        if (Text(response, "persistedOutputPath") is { Length: > 0 } persisted)
        {
            var full = PersistedOutput.Read(persisted, toolResultsDir);
            // The hook compresses the full text first; if that changes nothing it leaves the whole response alone.
            if (!leaves.Add(full)) return;
            if (Text(response, "stderr") is { } stderr) leaves.Add(stderr);
            return;
        }
        bool any = false;
        foreach (var key in (ReadOnlySpan<string>)["stdout", "stderr"])
            if (Text(response, key) is { } text) { leaves.Add(text); any = true; }
        if (!any && !response.TryGetProperty("stdout", out _) && !response.TryGetProperty("stderr", out _))
            throw new FailOpenException("missing-fields");
    }

    private static void Read(JsonElement response, JsonElement? input, Leaves leaves)
    {
        if (input is { ValueKind: JsonValueKind.Object } i && i.TryGetProperty("limit", out var l) && l.ValueKind == JsonValueKind.Number
            && l.TryGetInt32(out var limit) && limit <= ReadResponseRewriter.DeliberateRangeMaxLines)
        {
            leaves.Note = "ranged-read";
            return;
        }
        if (response.ValueKind != JsonValueKind.Object) throw new FailOpenException("unexpected-shape");
        if (Text(response, "type") is { } type && type != "text") { leaves.Note = type; return; }
        if (!response.TryGetProperty("file", out var file) || file.ValueKind != JsonValueKind.Object || Text(file, "content") is not { } content)
            throw new FailOpenException("missing-fields");
        if (!LogLikeDetector.IsLogLike(Text(file, "filePath"), content)) { leaves.Note = "not-log-like"; return; }
        leaves.Add(content);
    }

    private static void Mcp(JsonElement node, Leaves leaves)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.String: leaves.Add(node.GetString()!); break;
            case JsonValueKind.Object: foreach (var p in node.EnumerateObject()) Mcp(p.Value, leaves); break;
            case JsonValueKind.Array: foreach (var e in node.EnumerateArray()) Mcp(e, leaves); break;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The hook's LeafCompressor, minus the raw-store write.</summary>
    private sealed class Leaves(HookReplay owner, string tool, DateTimeOffset at)
    {
        public long InputBytes;
        public long OutputBytes;
        public int Changed;
        public string? Note;
        public readonly StringBuilder Full = new();
        public readonly StringBuilder Ours = new();

        /// <summary>Compresses one leaf; false when it stays as it was.</summary>
        public bool Add(string text)
        {
            int bytes = Encoding.UTF8.GetByteCount(text);
            InputBytes += bytes;
            Append(Full, text);
            if (bytes <= owner._options.PassThroughBytes) return Keep(text, bytes);
            if (TextSafety.LooksBinary(text)) throw new FailOpenException("binary");
            var rawPath = owner._plannedStore.PlanPath(at, tool, ContentHash.Of(text));
            var result = OutputCompressor.Compress(text, owner._options with { FullOutputPath = rawPath });
            if (!result.Changed || result.OutputBytes >= bytes) return Keep(text, bytes);
            OutputBytes += result.OutputBytes;
            Append(Ours, result.Text);
            Changed++;
            return true;
        }

        private bool Keep(string text, int bytes)
        {
            OutputBytes += bytes;
            Append(Ours, text);
            return false;
        }

        private static void Append(StringBuilder sb, string text)
        {
            if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
            sb.Append(text);
        }

        public ReplayResult Result() => Changed == 0
            ? new ReplayResult(false, Note, InputBytes, InputBytes, Full.ToString(), Full.ToString())
            : new ReplayResult(true, Note, InputBytes, OutputBytes, Full.ToString(), Ours.ToString());
    }
}

/// <summary>What <see cref="HookReplay"/> found for one call.</summary>
/// <param name="Compressed">The hook would have replaced the output (its <c>compressed</c> outcome).</param>
/// <param name="Note">Why not, or a detail (<c>not-matched</c>, <c>tool-error</c>, <c>not-log-like</c>, <c>ranged-read</c>, <c>persisted-unreadable</c>…).</param>
/// <param name="InputBytes">UTF-8 bytes of the leaves the hook would have looked at (its hooks.log <c>in</c>).</param>
/// <param name="OutputBytes">Those leaves after compression (its hooks.log <c>out</c>).</param>
/// <param name="FullText">The leaves' full text (the persisted file, not the preview).</param>
/// <param name="OursText">What the hook would have put in their place.</param>
public sealed record ReplayResult(bool Compressed, string? Note, long InputBytes, long OutputBytes, string FullText, string OursText)
{
    public bool Ran => Note is not ("not-matched" or "tool-error" or "no-tool-response");

    public static ReplayResult NotRun(string reason) => new(false, reason, 0, 0, "", "");
}

/// <summary>
/// Reads a large output Claude Code persisted (<c>tool-results/&lt;id&gt;.txt</c>), read-only. Only files inside the
/// session's own <c>tool-results/</c> directory are read — a transcript naming any other path (a symlink out, <c>..</c>,
/// <c>/etc/…</c>) is looked up there by file name instead — and at most <see cref="HookLimits.MaxPersistedOutputBytes"/>.
/// </summary>
public static class PersistedOutput
{
    public static string Read(string namedPath, string toolResultsDir)
    {
        var dir = Path.GetFullPath(toolResultsDir);
        var name = Path.GetFileName(namedPath);
        if (string.IsNullOrEmpty(name) || name is "." or "..") throw new FailOpenException("persisted-unreadable", "no file name");
        var path = Path.Combine(dir, name);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new FailOpenException("persisted-unreadable", "file not found");
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                if (target is null || !target.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new FailOpenException("persisted-unreadable", "symlink out of tool-results");
                info = new FileInfo(target);
            }
            if (info.Length > HookLimits.MaxPersistedOutputBytes) throw new FailOpenException("too-large");
            using var fs = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var bytes = new byte[info.Length];
            fs.ReadExactly(bytes);
            if (!Utf8.IsValid(bytes)) throw new FailOpenException("binary");
            return Encoding.UTF8.GetString(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new FailOpenException("persisted-unreadable", ex.GetType().Name);
        }
    }
}
