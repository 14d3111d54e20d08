using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DistributedModel.Compression;
using DistributedModel.Hooks.Runtime;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Core.Workspace;
using DistributedModel.Core.Json;

namespace DistributedModel.Cli.Discover;

/// <summary>
/// What the PostToolUse hook would have done with one past tool call, computed without writing anything. It follows the
/// hook step by step: the same leaves per tool (Bash <c>stdout</c>+<c>stderr</c> — the full persisted file instead of the
/// preview —, Read <c>file.content</c> of log-like files unless a ranged read, Grep <c>content</c>, every string of an MCP
/// response), one budget per response shared by its leaves (<c>.claude/dm.json</c> <c>compression</c>, capped below the
/// tool's limit), the same pass-through and binary rules, and the real <see cref="OutputCompressor.Compress"/> with the
/// raw-store path the hook would have named (planned, never saved). <see cref="ReplayResult.InputBytes"/>,
/// <see cref="ReplayResult.OutputBytes"/> and <see cref="ReplayResult.Surfaced"/> are what the hook logs as
/// <c>in</c>, <c>out</c> and <c>surfaced</c> in <c>.claude/hooks.log</c> (the end-to-end tests hold them equal).
/// </summary>
public sealed class HookReplay
{
    private readonly WorkspacePaths _paths;
    private readonly RawOutputStore _plannedStore;
    private readonly CompressionSettings _settings;
    private readonly Func<string, string?> _environment;
    private readonly DateTimeOffset _now;

    /// <param name="repoRoot">The project whose <c>.claude/dm/raw/</c> the hook would have named and whose dm.json applies.</param>
    /// <param name="now">Time used for raw-store names when a result has no timestamp.</param>
    /// <param name="environment">Where <c>BASH_MAX_OUTPUT_LENGTH</c> is read (Claude Code's Bash limit).</param>
    public HookReplay(string repoRoot, DateTimeOffset now, Func<string, string?>? environment = null)
    {
        _paths = new WorkspacePaths(repoRoot);
        _plannedStore = new RawOutputStore(_paths.RawDir);
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _settings = CompressionSettings.Load(_paths.ConfigFile, DistributedModel.Core.Configuration.UserConfigFile.Path(_environment("HOME")));
        _now = now;
    }

    /// <summary>The dm.json problem the hook would also have logged, or null.</summary>
    public string? ConfigWarning => _settings.Warning;

    /// <summary>The tools the PostToolUse hook is wired for: Bash, Read, Grep and every MCP tool.</summary>
    public static bool IsHookTool(string tool) => tool is "Bash" or "Read" or "Grep" || tool.StartsWith("mcp__", StringComparison.Ordinal);

    public ReplayResult Replay(TranscriptToolCall call, string toolResultsDir)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tool = call.Tool;
        if (!IsHookTool(tool)) return ReplayResult.NotRun("not-matched");
        if (call.IsError) return ReplayResult.NotRun("tool-error");
        if (call.Response is not { } response) return ReplayResult.NotRun("no-tool-response");
        if (call.Input is { } input && PostToolUseHook.ReadsTheRawStore(JsonNode.Parse(input.GetRawText())))
            return ReplayResult.NotRun("raw-store");

        int limit = ToolOutputLimits.LimitChars(tool, _environment);
        int maxBudget = ToolOutputLimits.MaxBudget(tool, _environment);
        var options = new CompressionOptions { BudgetBytes = Math.Min(_settings.BudgetFor(tool, maxBudget), maxBudget) };
        bool preview = call.ContextText.StartsWith(ToolResultFinding.PreviewMarker, StringComparison.Ordinal);
        bool overLimitRaw = tool == "Bash" && RawIsOverLimit(response, limit);
        // The hook knows of a preview only for Bash; discover sees the preview itself, whatever the tool.
        var leaves = new Leaves(this, tool, call.Timestamp ?? _now, options, overLimitRaw || preview ? ToolOutputLimits.PreviewChars : null);
        try
        {
            switch (tool)
            {
                case "Bash": Bash(response, leaves, toolResultsDir); break;
                case "Read": Read(response, call.Input, leaves); break;
                case "Grep": if (JsonFields.Str(response, "content") is { } c) leaves.CompressAll([c]); else leaves.Note = "no-content"; break;
                default: Mcp(response, leaves); break;
            }
        }
        catch (FailOpenException ex)
        {
            return ReplayResult.NotRun(ex.Reason) with { Ran = true, InputBytes = leaves.InputBytes, OutputBytes = leaves.InputBytes, FullText = leaves.Full.ToString() };
        }
        return leaves.Result();
    }

    private static bool RawIsOverLimit(JsonElement response, int limit)
    {
        if (response.ValueKind != JsonValueKind.Object) return false;
        if (JsonFields.Str(response, "persistedOutputPath") is { Length: > 0 }) return true;
        return (JsonFields.Str(response, "stdout")?.Length ?? 0) + (JsonFields.Str(response, "stderr")?.Length ?? 0) > limit;
    }

    private static void Bash(JsonElement response, Leaves leaves, string toolResultsDir)
    {
        if (response.ValueKind != JsonValueKind.Object) throw new FailOpenException("unexpected-shape");
        if (response.TryGetProperty("isImage", out var img) && img.ValueKind == JsonValueKind.True) { leaves.Note = "image"; return; }
        var stderr = JsonFields.Str(response, "stderr") ?? "";
        if (JsonFields.Str(response, "persistedOutputPath") is { Length: > 0 } persisted)
        {
            // The hook gives up on the whole response when the full text itself stays as it was.
            if (leaves.CompressAll([PersistedOutput.Read(persisted, toolResultsDir), stderr])[0] is null) leaves.Unchanged("persisted-unchanged");
            return;
        }
        if (!response.TryGetProperty("stdout", out _) && !response.TryGetProperty("stderr", out _)) throw new FailOpenException("missing-fields");
        leaves.CompressAll([JsonFields.Str(response, "stdout") ?? "", stderr]);
    }

    private static void Read(JsonElement response, JsonElement? input, Leaves leaves)
    {
        if (input is { ValueKind: JsonValueKind.Object } i && i.TryGetProperty("limit", out var l) && l.ValueKind == JsonValueKind.Number
            && l.TryGetInt32(out var lines) && lines <= ReadResponseRewriter.DeliberateRangeMaxLines)
        {
            leaves.Note = "ranged-read";
            return;
        }
        if (response.ValueKind != JsonValueKind.Object) throw new FailOpenException("unexpected-shape");
        if (JsonFields.Str(response, "type") is { } type && type != "text") { leaves.Note = type; return; }
        if (!response.TryGetProperty("file", out var file) || file.ValueKind != JsonValueKind.Object || JsonFields.Str(file, "content") is not { } content)
            throw new FailOpenException("missing-fields");
        if (!LogLikeDetector.IsLogLike(JsonFields.Str(file, "filePath"), content)) { leaves.Note = "not-log-like"; return; }
        leaves.CompressAll([content]);
    }

    private static void Mcp(JsonElement response, Leaves leaves)
    {
        var found = new List<string>();
        Collect(response, found);
        if (found.Count > 0) leaves.CompressAll(found);
    }

    private static void Collect(JsonElement node, List<string> found)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.String: found.Add(node.GetString()!); break;
            case JsonValueKind.Object: foreach (var p in node.EnumerateObject()) Collect(p.Value, found); break;
            case JsonValueKind.Array: foreach (var e in node.EnumerateArray()) Collect(e, found); break;
        }
    }

    /// <summary>The hook's <see cref="LeafCompressor.CompressAll"/>, minus the raw-store write.</summary>
    private sealed class Leaves(HookReplay owner, string tool, DateTimeOffset at, CompressionOptions options, int? nativePreviewChars)
    {
        public long InputBytes;
        public long OutputBytes;
        public int Changed;
        public int KeptErrors, KeptWarnings, Surfaced, SurfacedErrors, SurfacedWarnings, Lost;
        public string? Note;
        public readonly StringBuilder Full = new();
        public readonly StringBuilder Ours = new();

        public string?[] CompressAll(IReadOnlyList<string> texts)
        {
            var bytes = new int[texts.Count];
            long fixedBytes = 0, bigBytes = 0;
            for (int i = 0; i < texts.Count; i++)
            {
                bytes[i] = Encoding.UTF8.GetByteCount(texts[i]);
                InputBytes += bytes[i];
                Append(Full, texts[i]);
                if (bytes[i] <= options.PassThroughBytes) fixedBytes += bytes[i];
                else bigBytes += bytes[i];
            }
            var results = new string?[texts.Count];
            long available = Math.Max(0, options.BudgetBytes - fixedBytes);
            for (int i = 0; i < texts.Count; i++)
            {
                var text = texts[i];
                if (bytes[i] <= options.PassThroughBytes) { OutputBytes += bytes[i]; Append(Ours, text); continue; }
                if (TextSafety.LooksBinary(text)) throw new FailOpenException("binary");
                long share = bigBytes <= available ? bytes[i] : available * bytes[i] / bigBytes;
                var hash = ContentHash.Of(text);
                // The real hook stored this output under its own time: name that file when it is still there.
                var rawPath = owner._plannedStore.FindNewest(hash) ?? owner._plannedStore.PlanPath(at, tool, hash);
                string? replacement;
                if (share < CompressionOptions.MinBudgetBytes) replacement = Stub(bytes[i], rawPath, share);
                else
                {
                    var result = OutputCompressor.Compress(text, options with
                    {
                        BudgetBytes = (int)Math.Min(share, int.MaxValue), FullOutputPath = rawPath, NativePreviewChars = nativePreviewChars,
                        DigestHint = $"to digest it: {PostToolUseHook.SummarizeToolName} with paths [\"{owner.Relative(rawPath)}\"]",
                    });
                    replacement = result.Changed && result.OutputBytes < bytes[i] ? result.Text : null;
                    if (replacement is null) { KeptErrors += result.ErrorLines; KeptWarnings += result.WarningLines; }
                    else
                    {
                        KeptErrors += result.KeptErrors; KeptWarnings += result.KeptWarnings; Surfaced += result.SurfacedDiagnostics;
                        SurfacedErrors += result.SurfacedErrors; SurfacedWarnings += result.SurfacedWarnings;
                        Lost += Math.Max(0, result.ErrorLines - result.KeptErrors) + Math.Max(0, result.WarningLines - result.KeptWarnings);
                    }
                }
                if (replacement is null) { OutputBytes += bytes[i]; Append(Ours, text); continue; }
                results[i] = replacement;
                OutputBytes += Encoding.UTF8.GetByteCount(replacement);
                Append(Ours, replacement);
                Changed++;
            }
            return results;
        }

        /// <summary>The hook leaves the whole response as it was (its in and out are then equal).</summary>
        public void Unchanged(string note)
        {
            Note = note;
            Changed = 0;
            OutputBytes = InputBytes;
            Surfaced = SurfacedErrors = SurfacedWarnings = Lost = 0;
        }

        private static string Stub(int bytes, string rawPath, long share)
        {
            var stub = string.Create(CultureInfo.InvariantCulture, $"[dm: {bytes:N0} bytes elided to fit the context budget · {Markers.FullOutputLabel}{rawPath}]");
            return Encoding.UTF8.GetByteCount(stub) <= Math.Max(share, 0) + 200 ? stub : $"[dm: {bytes:N0} bytes elided]";
        }

        private static void Append(StringBuilder sb, string text)
        {
            if (text.Length == 0) return;
            if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
            sb.Append(text);
        }

        public ReplayResult Result()
        {
            var full = Full.ToString();
            return Changed == 0
                ? new ReplayResult(false, Note, InputBytes, InputBytes, full, full) { KeptErrors = KeptErrors, KeptWarnings = KeptWarnings }
                : new ReplayResult(true, Note, InputBytes, OutputBytes, full, Ours.ToString())
                {
                    KeptErrors = KeptErrors, KeptWarnings = KeptWarnings, Surfaced = Surfaced, Lost = Lost,
                    SurfacedErrors = SurfacedErrors, SurfacedWarnings = SurfacedWarnings,
                };
        }
    }

    private string Relative(string path)
    {
        var rel = Path.GetRelativePath(_paths.Root, path);
        return rel.StartsWith("..", StringComparison.Ordinal) ? path : rel.Replace('\\', '/');
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
    /// <summary>False when the hook would not have run at all (another tool, a failed call, no tool response).</summary>
    public bool Ran { get; init; } = true;

    /// <summary>Error / warning lines in what would have gone on to the model (hooks.log <c>errors</c>/<c>warnings</c>).</summary>
    public int KeptErrors { get; init; }

    public int KeptWarnings { get; init; }

    /// <summary>Kept error/warning lines beyond the 2 KB preview the model actually got (hooks.log <c>surfaced</c>).</summary>
    public int Surfaced { get; init; }

    /// <summary>Of <see cref="Surfaced"/>, the error lines (hooks.log <c>surfacedErrors</c>).</summary>
    public int SurfacedErrors { get; init; }

    /// <summary>Of <see cref="Surfaced"/>, the warning lines (hooks.log <c>surfacedWarnings</c>).</summary>
    public int SurfacedWarnings { get; init; }

    /// <summary>Error/warning lines of the full text not in the compressed text (the engine's own count; a loss).</summary>
    public int Lost { get; init; }

    public static ReplayResult NotRun(string reason) => new(false, reason, 0, 0, "", "") { Ran = reason == "raw-store" };
}

/// <summary>
/// Reads a large output Claude Code persisted (<c>tool-results/&lt;id&gt;.txt</c>), read-only. Only the file of that name in
/// the session's own <c>tool-results/</c> directory is read, whatever directory the transcript names (a path to
/// <c>/etc/…</c> or through <c>..</c> is never followed), only a regular file (not a symlink, FIFO or device) of at most
/// <see cref="HookLimits.MaxPersistedOutputBytes"/>, UTF-8 only.
/// </summary>
public static class PersistedOutput
{
    public static string Read(string namedPath, string toolResultsDir)
    {
        ArgumentNullException.ThrowIfNull(namedPath);
        var name = Path.GetFileName(namedPath.Replace('\\', '/'));
        if (string.IsNullOrEmpty(name) || name is "." or "..") throw new FailOpenException("persisted-unreadable", "no file name");
        var path = Path.Combine(Path.GetFullPath(toolResultsDir), name);
        if (!File.Exists(path)) throw new FailOpenException("persisted-unreadable", "file not found");
        var bytes = RegularFile.Read(path, HookLimits.MaxPersistedOutputBytes);
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) throw new FailOpenException("binary");
        return Encoding.UTF8.GetString(bytes);
    }
}
