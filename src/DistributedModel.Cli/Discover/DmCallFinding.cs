using System.Text;
using DistributedModel.Core.Logging;

namespace DistributedModel.Cli.Discover;

/// <summary>
/// One Bash/Read/Grep/MCP result of a session that ran with Distributed Model: what the hook actually did, not a replay.
/// </summary>
/// <param name="Logged">The hook's hooks.log line for this call (<see cref="HooksLogIndex"/>), or null when none is left.</param>
/// <param name="DigestShown">The tool_result starts with our digest header.</param>
/// <param name="ContextBytes">UTF-8 bytes of the tool_result: what the model got.</param>
/// <param name="RawBytes">What the tool produced: hooks.log <c>in</c>, else the size of the raw-store file the header names, else null.</param>
public sealed record DmCallFinding(TranscriptToolCall Call, HookLogRecord? Logged, bool DigestShown, long ContextBytes, long? RawBytes)
{
    /// <summary>What Claude Code alone would have put into the context (<see cref="NativeContext"/> on the hooks.log line);
    /// the result itself when the hook left it alone; null when dm replaced it and its line is gone.</summary>
    public long? NativeBytes => Logged is { } line ? NativeContext.Bytes(line) : DigestShown ? null : ContextBytes;

    /// <summary>Error lines the preview would have hid that reached the model (hooks.log <c>surfacedErrors</c>).</summary>
    public int SurfacedErrors => Logged?.SurfacedErrors ?? 0;

    public int SurfacedWarnings => Logged?.SurfacedWarnings ?? 0;

    /// <summary>hooks.log <c>surfaced</c>: both kinds (lines written before the split carry only this).</summary>
    public int Surfaced => Logged?.Surfaced ?? 0;

    public static DmCallFinding From(TranscriptToolCall call, HookLogRecord? logged, DmTrail? trail)
    {
        ArgumentNullException.ThrowIfNull(call);
        bool digest = DigestMark.InContext(call.ContextText);
        long? raw = logged?.InputBytes ?? (digest ? trail?.RawSize(DigestMark.FullOutputPath(call.ContextText)) : null);
        return new DmCallFinding(call, logged, digest, Encoding.UTF8.GetByteCount(call.ContextText), raw);
    }
}
