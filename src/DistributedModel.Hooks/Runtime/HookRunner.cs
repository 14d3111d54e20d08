using System.Diagnostics;
using DistributedModel.Hooks.Logging;
using DistributedModel.Core.Workspace;
using DistributedModel.Core.Logging;

namespace DistributedModel.Hooks.Runtime;

/// <summary>
/// The frame every hook process runs in: read stdin, call the handler, print its JSON, write exactly one hooks.log line,
/// and exit 0 whatever happens (fail open: Claude Code keeps its data as it was). Never exits 2.
/// </summary>
public static class HookRunner
{
    /// <summary>Decides what the hook does with its parsed stdin; throws <see cref="FailOpenException"/> to leave everything untouched.</summary>
    public delegate HookResult Handler(HookInput input);

    /// <param name="time">The clock of the hooks.log line's <c>ts</c>; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="resolvePaths">Workspace for a given <c>cwd</c> (null when stdin could not be parsed); default
    /// <see cref="WorkspacePaths.Resolve"/>. The log line of a call that failed before the handler ran goes there.</param>
    /// <returns>The process exit code: always 0.</returns>
    public static int Run(string eventName, Stream stdin, Stream stdout, Handler handler,
        TimeProvider? time = null, Func<string?, WorkspacePaths>? resolvePaths = null)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(handler);
        time ??= TimeProvider.System;
        resolvePaths ??= static cwd => WorkspacePaths.Resolve(cwd);
        var started = Stopwatch.GetTimestamp();
        long inBytes = 0;
        string? tool = null;
        WorkspacePaths? paths = null;
        HookLogRecord record;
        try
        {
            var input = HookInput.Parse(HookStdin.ReadAll(stdin, out inBytes));
            tool = input.ToolName;
            paths = resolvePaths(input.Cwd);
            var result = handler(input);
            paths = result.Paths;
            if (result.Stdout is { Length: > 0 } json)
            {
                stdout.Write(json);
                stdout.Flush();
            }
            record = new HookLogRecord
            {
                Timestamp = time.GetUtcNow(), Event = eventName, Tool = result.Tool ?? tool,
                InputBytes = result.InputBytes, OutputBytes = result.OutputBytes,
                ElapsedMs = ElapsedMs(started), Outcome = result.Outcome, Detail = result.Detail,
                Errors = result.Diagnostics?.Errors, Warnings = result.Diagnostics?.Warnings, Surfaced = result.Diagnostics?.Surfaced,
                SurfacedErrors = result.Diagnostics?.SurfacedErrors, SurfacedWarnings = result.Diagnostics?.SurfacedWarnings,
                Limit = result.Diagnostics?.LimitChars, OverLimit = result.Diagnostics?.OverLimit,
            };
        }
        catch (FailOpenException ex)
        {
            record = FailOpen(eventName, tool, inBytes, started, ex.Reason, ex.Detail, time);
        }
        catch (Exception ex)
        {
            // Anything unexpected: still fail open, name the exception type only (never data).
            record = FailOpen(eventName, tool, inBytes, started, "internal-error", ex.GetType().Name, time);
        }

        try
        {
            paths ??= resolvePaths(null);
            HookLog.TryWrite(paths, record);
        }
        catch (Exception)
        {
            // The log is best effort: a hook must never fail the user's tool call.
        }
        return 0;
    }

    private static HookLogRecord FailOpen(string eventName, string? tool, long inBytes, long started, string reason, string? detail, TimeProvider time) =>
        new()
        {
            Timestamp = time.GetUtcNow(), Event = eventName, Tool = tool, InputBytes = inBytes, OutputBytes = inBytes,
            ElapsedMs = ElapsedMs(started), Outcome = HookOutcomes.FailOpenFor(reason), Detail = detail,
        };

    private static double ElapsedMs(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2);
}
