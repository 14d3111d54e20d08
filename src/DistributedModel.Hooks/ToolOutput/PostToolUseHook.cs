using DistributedModel.Core.Configuration;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DistributedModel.Compression;
using DistributedModel.Hooks.Runtime;
using DistributedModel.Core.Workspace;
using DistributedModel.Core.Logging;

namespace DistributedModel.Hooks.ToolOutput;

/// <summary>
/// The PostToolUse hook: shrinks what a tool call puts into the model's context, keeping the shape Claude Code expects.
/// Output: <c>{"hookSpecificOutput":{"hookEventName":"PostToolUse","updatedToolOutput":&lt;same-shape object&gt;}}</c>
/// (<c>updatedMCPToolOutput</c> for <c>mcp__*</c> tools), or nothing when the output stays as it was.
/// </summary>
public static class PostToolUseHook
{
    public const string EventName = HookEvents.PostToolUse;

    /// <summary>Runs the hook process body: stdin → stdout, one hooks.log line, always exit code 0.</summary>
    /// <param name="time">The clock of raw-store names and the hooks.log line; default <see cref="TimeProvider.System"/>.</param>
    public static int Main(Stream stdin, Stream stdout, CompressionOptions? options = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        return HookRunner.Run(EventName, stdin, stdout, input => Handle(input, time.GetUtcNow(), options), time);
    }

    /// <summary>Decides the rewrite for one parsed hook input. Throws <see cref="FailOpenException"/> to leave the output alone.</summary>
    public static HookResult Handle(HookInput input, DateTimeOffset now, CompressionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Handle(input, WorkspacePaths.Resolve(input.Cwd), now, options);
    }

    /// <summary>As <see cref="Handle(HookInput, DateTimeOffset, CompressionOptions?)"/> for an explicit workspace.</summary>
    /// <param name="userConfigFile">The user's <c>~/.claude/dm.json</c>; default from <c>HOME</c>.</param>
    public static HookResult Handle(HookInput input, WorkspacePaths paths, DateTimeOffset now, CompressionOptions? options = null, string? userConfigFile = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(paths);
        var tool = input.ToolName;
        if (string.IsNullOrEmpty(tool)) throw new FailOpenException("missing-fields", "no tool_name");
        var response = input.ToolResponse ?? throw new FailOpenException("missing-fields", "no tool_response");
        if (ReadsTheRawStore(input.ToolInput))
            return new HookResult(HookOutcomes.Passthrough, tool, 0, 0, null, paths) { Detail = "raw-store" };

        var settings = CompressionSettings.Load(paths.ConfigFile, userConfigFile ?? UserConfigFile.Path(Environment.GetEnvironmentVariable("HOME")));
        int limit = ToolOutputLimits.LimitChars(tool);
        // The budget: dm.json (per tool, else general, else 8 KB) unless the caller set one; never above the tool's limit.
        options ??= new CompressionOptions();
        int maxBudget = ToolOutputLimits.MaxBudget(tool);
        int budget = options.BudgetBytes != CompressionOptions.DefaultBudgetBytes ? options.BudgetBytes : settings.BudgetFor(tool, maxBudget);
        options = options with { BudgetBytes = Math.Min(budget, maxBudget) };
        bool overLimitRaw = tool == "Bash" && RawIsOverLimit(response, limit);
        var leaves = new LeafCompressor(new RawOutputStore(paths), tool, now, options, paths.Root, SummarizeToolName)
        {
            NativePreviewChars = overLimitRaw ? ToolOutputLimits.PreviewChars : null,
        };

        bool isMcp = tool.StartsWith("mcp__", StringComparison.Ordinal);
        var rewrite = tool switch
        {
            "Bash" => BashResponseRewriter.Rewrite(response, leaves, p => BashResponseRewriter.ReadPersisted(p, paths.Root, input.TranscriptPath)),
            "Read" => ReadResponseRewriter.Rewrite(response, leaves, input.ToolInput),
            "Grep" => GrepResponseRewriter.Rewrite(response, leaves),
            _ when isMcp => McpResponseRewriter.Rewrite(response, leaves),
            _ => throw new FailOpenException("unknown-tool", SafeName(tool)),
        };

        var diagnostics = new HookDiagnostics(leaves.KeptErrors, leaves.KeptWarnings, leaves.SurfacedDiagnostics, limit)
        {
            SurfacedErrors = leaves.SurfacedErrors, SurfacedWarnings = leaves.SurfacedWarnings,
        };
        var warning = settings.Warning is null ? null : " " + settings.Warning;
        if (rewrite.Updated is null)
            return new HookResult(HookOutcomes.Passthrough, tool, leaves.InputBytes, leaves.InputBytes, null, paths)
            {
                Detail = rewrite.Detail + warning, Diagnostics = diagnostics with { OverLimit = leaves.InputBytes > limit },
            };

        var json = Serialize(rewrite.Updated, isMcp ? "updatedMCPToolOutput" : "updatedToolOutput");
        var detail = string.Join(' ', new[] { rewrite.Detail, "raw=" + string.Join(',', leaves.RawFiles.Select(Path.GetFileName)), settings.Warning }.Where(static s => s is not null));
        return new HookResult(HookOutcomes.Compressed, tool, leaves.InputBytes, leaves.OutputBytes, json, paths)
        {
            Detail = detail, Diagnostics = diagnostics with { OverLimit = leaves.OutputBytes > limit },
        };
    }

    /// <summary>The tool name the digest header suggests for reading a raw file in full (repo and user installs).</summary>
    public const string SummarizeToolName = "mcp__distributed-model__summarize";

    /// <summary>Whether Claude Code would have cut this Bash output to a preview: it persisted it, or stdout and stderr
    /// together are over the limit.</summary>
    private static bool RawIsOverLimit(JsonNode response, int limit)
    {
        if (response is not JsonObject obj) return false;
        if (JsonStrings.Of(obj["persistedOutputPath"]) is { Length: > 0 }) return true;
        // Lengths only: the rewriter decodes the strings once, after this (decoding here too cost 5 % of a call).
        return (long)JsonStrings.TextLength(obj["stdout"]) + JsonStrings.TextLength(obj["stderr"]) > limit;
    }

    /// <summary>Writes the hook output document (compact, UTF-8, no needless escaping of non-ASCII or &lt;&gt;).</summary>
    public static byte[] Serialize(JsonNode updated, string property)
    {
        ArgumentNullException.ThrowIfNull(updated);
        updated.Parent?.AsObject().Remove(updated.GetPropertyName());
        var output = new JsonObject
        {
            ["hookSpecificOutput"] = new JsonObject
            {
                ["hookEventName"] = EventName,
                [property] = updated,
            },
        };
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            output.WriteTo(writer);
        return buffer.ToArray();
    }

    /// <summary>
    /// True when the tool call looks at the raw store (<c>Read .claude/dm/raw/…</c>, <c>sed -n … .claude/dm/raw/…</c>):
    /// the model is following an elision marker to see the full output, so compressing it again would lock it out.
    /// </summary>
    /// <remarks>Looks at every property name and string value (not at serialized JSON, which would build an encoder).</remarks>
    public static bool ReadsTheRawStore(JsonNode? toolInput) => toolInput switch
    {
        JsonObject obj => obj.Any(static kv => NamesTheRawStore(kv.Key) || ReadsTheRawStore(kv.Value)),
        JsonArray arr => arr.Any(ReadsTheRawStore),
        JsonValue v => JsonStrings.Of(v) is { } s && NamesTheRawStore(s),
        _ => false,
    };

    private static bool NamesTheRawStore(string text) =>
        text.Contains(".claude/dm/raw", StringComparison.Ordinal) || text.Contains(@".claude\dm\raw", StringComparison.Ordinal);

    private static string SafeName(string tool) => tool.Length <= 64 ? tool : tool[..64];
}
