using DistributedModel.Cli.Report;
using DistributedModel.Core.Logging;

namespace DistributedModel.Cli.Discover;

/// <summary>
/// The PostToolUse lines of one repository's <c>.claude/hooks.log</c>, each given to at most one tool call. hooks.log
/// names no session, so a line belongs to the call of the same tool whose run it falls in: after the assistant record
/// that made the call and before the user record that carries its result (the hook writes its line when it ends, and
/// Claude Code writes the result after its PostToolUse hooks). Two sessions running at once in one repository are still
/// told apart unless they ran the same tool in the same milliseconds.
/// </summary>
public sealed class HooksLogIndex
{
    /// <summary>Both clocks are written to the millisecond.</summary>
    private static readonly TimeSpan Rounding = TimeSpan.FromMilliseconds(1);

    private readonly List<HookLogRecord> _lines;
    private readonly bool[] _claimed;

    private HooksLogIndex(List<HookLogRecord> lines)
    {
        _lines = lines;
        _claimed = new bool[lines.Count];
    }

    /// <summary>Unreadable lines skipped while reading.</summary>
    public int Skipped { get; private init; }

    /// <summary>The PostToolUse lines of <paramref name="hooksLog"/>, oldest first; none when the file does not exist.</summary>
    public static HooksLogIndex Read(string hooksLog)
    {
        var stats = new ReadStats();
        var lines = LogReaders.ReadHooks(hooksLog, stats).Where(l => l.Event == HookEvents.PostToolUse).OrderBy(l => l.Timestamp).ToList();
        return new HooksLogIndex(lines) { Skipped = stats.Skipped };
    }

    /// <summary>The line the hook wrote for <paramref name="call"/>, or null; a line is handed out once.</summary>
    public HookLogRecord? Claim(TranscriptToolCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.CalledAt is not { } from || call.Timestamp is not { } to) return null;
        for (int i = 0; i < _lines.Count; i++)
        {
            var line = _lines[i];
            if (line.Timestamp > to + Rounding) break;
            if (_claimed[i] || line.Timestamp < from - Rounding || !string.Equals(line.Tool, call.Tool, StringComparison.Ordinal)) continue;
            _claimed[i] = true;
            return line;
        }
        return null;
    }
}
