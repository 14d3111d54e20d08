using System.Text;

namespace DistributedModel.Cli.Discover;

/// <summary>One past tool result: what entered the context then, and what the PostToolUse hook would have put there.</summary>
/// <param name="ContextBefore">UTF-8 bytes of the tool_result text in the transcript — what Claude Code actually put into the
/// context (the raw output under its limit, else its <c>&lt;persisted-output&gt;</c> 2 KB preview).</param>
/// <param name="ContextAfter">Bytes with Distributed Model: the hook's replacement (Read: plus Claude Code's line-number
/// prefixes), or <paramref name="ContextBefore"/> when the hook would have left the result alone.</param>
/// <param name="WasPreview">Claude Code persisted the output and the model saw only the preview.</param>
public sealed record ToolResultFinding(TranscriptToolCall Call, ReplayResult Replay, long ContextBefore, long ContextAfter, bool WasPreview)
{
    /// <summary>Error/warning lines the 2 KB preview hid that our output would have shown (the engine's count).</summary>
    public int Surfaced => Replay.Surfaced;

    public int SurfacedErrors => Replay.SurfacedErrors;

    public int SurfacedWarnings => Replay.SurfacedWarnings;

    /// <summary>Error/warning lines of the full output our output would not show (a compression loss; the engine promises none).</summary>
    public int Lost => Replay.Lost;

    /// <summary>Claude Code's marker for an output it saved to <c>tool-results/</c> and previewed (2.1.197, 2.1.332).</summary>
    public const string PreviewMarker = "<persisted-output>";

    public static ToolResultFinding From(TranscriptToolCall call, ReplayResult replay)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(replay);
        long before = Encoding.UTF8.GetByteCount(call.ContextText);
        bool preview = call.ContextText.StartsWith(PreviewMarker, StringComparison.Ordinal);
        if (!replay.Compressed) return new ToolResultFinding(call, replay, before, before, preview);
        long after = replay.OutputBytes + (call.Tool == "Read" ? LineNumberPrefixBytes(replay.OursText, StartLine(call)) : 0);
        return new ToolResultFinding(call, replay, before, after, preview);
    }

    /// <summary>Claude Code shows a Read as <c>N\tline</c>: the digits of each line number plus a tab.</summary>
    private static long LineNumberPrefixBytes(string text, int startLine)
    {
        long total = 0;
        int n = startLine, lines = text.Length == 0 ? 0 : text.AsSpan().Count('\n') + (text.EndsWith('\n') ? 0 : 1);
        for (int i = 0; i < lines; i++, n++) total += Digits(n) + 1;
        return total;
    }

    private static int Digits(int n) => n < 10 ? 1 : (int)Math.Floor(Math.Log10(n)) + 1;

    private static int StartLine(TranscriptToolCall call) =>
        call.Response is { ValueKind: System.Text.Json.JsonValueKind.Object } r && r.TryGetProperty("file", out var f)
        && f.ValueKind == System.Text.Json.JsonValueKind.Object && f.TryGetProperty("startLine", out var s)
        && s.ValueKind == System.Text.Json.JsonValueKind.Number && s.TryGetInt32(out var n) && n > 0 ? n : 1;
}
