using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace DistributedModel.Core.Processes;

/// <summary>
/// The one way Distributed Model starts a child process (dm install's publisher, dm doctor, the bench, the tests):
/// arguments as a list, UTF-8 pipes, environment changes, a hard time limit and cancellation that kill the whole process
/// tree, and capped output. Nothing else in <c>src/</c> calls <see cref="Process.Start()"/> (Core.Tests checks).
/// </summary>
public static class ProcessRunner
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>How long the output pipes may stay open after the child exited or was killed (grandchildren can hold them).</summary>
    public static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The watchdog of <see cref="ProcessSpec.DiesWithCaller"/>: starts the command (its arguments) in a new session
    /// (<c>setsid</c>, so its process group holds it and what it starts), stdin from /dev/null, then waits on the pipe
    /// from the caller in the background; EOF there — the caller closed it, or died — kills the group. When the command
    /// ends first, what it left in its group is killed too, and its exit status is the watchdog's.
    /// </summary>
    internal const string WatchdogScript = """
        exec 3<&0 </dev/null
        if command -v setsid >/dev/null 2>&1; then setsid "$@" 3<&- & else "$@" 3<&- & fi
        child=$!
        { while read -r _ <&3; do :; done; kill -9 "-$child" 2>/dev/null || kill -9 "$child" 2>/dev/null; } >/dev/null 2>&1 &
        watcher=$!
        exec 3<&-
        wait "$child"; status=$?
        kill -9 "-$child" 2>/dev/null
        kill "$watcher" 2>/dev/null
        exit "$status"
        """;

    /// <summary>Runs <paramref name="spec"/> to its end, its time limit or <paramref name="cancellationToken"/>. Never throws for the child's sake.</summary>
    public static async Task<ProcessOutcome> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sw = Stopwatch.StartNew();
        var process = TryStart(spec, out var error);
        if (process is null) return ProcessOutcome.NotStarted(error!, sw.Elapsed);
        using (process)
        {
            var stdout = new OutputCapture(spec.StdoutLimitChars, spec.OnStdoutLine);
            var stderr = new OutputCapture(spec.StderrLimitChars, spec.OnStderrLine);
            var pumps = Task.WhenAll(
                Task.Run(() => stdout.PumpAsync(process.StandardOutput), CancellationToken.None),
                Task.Run(() => stderr.PumpAsync(process.StandardError), CancellationToken.None));

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(spec.TimeLimit);
            bool timedOut = false, cancelled = false;
            try
            {
                // A watchdog's stdin stays open while it runs: its end is the signal to kill the child.
                if (!Watched(spec)) await WriteStdinAsync(process, spec.Stdin, limit.Token).ConfigureAwait(false);
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                cancelled = cancellationToken.IsCancellationRequested;
                timedOut = !cancelled;
                KillTree(process);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }

            using (var drain = new CancellationTokenSource())
            {
                await Task.WhenAny(pumps, Task.Delay(DrainLimit, drain.Token)).ConfigureAwait(false);
                await drain.CancelAsync().ConfigureAwait(false);
            }
            stdout.Finish();
            stderr.Finish();
            return new ProcessOutcome(true, process.ExitCode, stdout.Text, stderr.Text, sw.Elapsed, timedOut, cancelled, null)
            {
                StdOutTruncated = stdout.Truncated, StdErrTruncated = stderr.Truncated,
            };
        }
    }

    /// <summary>
    /// Starts <paramref name="spec"/> for a conversation over its pipes (its <see cref="ProcessSpec.Stdin"/>, time limit and
    /// stdout settings do not apply: the caller reads and writes, and bounds its own waits). Null when it cannot start.
    /// </summary>
    public static RunningProcess? Start(ProcessSpec spec, out string? error)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.DiesWithCaller) throw new ArgumentException("a conversation's stdin is the caller's to write: DiesWithCaller applies to RunAsync.", nameof(spec));
        var process = TryStart(spec, out error);
        return process is null ? null : new RunningProcess(process, new OutputCapture(spec.StderrLimitChars, spec.OnStderrLine));
    }

    internal static void KillTree(Process process)
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // exited meanwhile
        catch (Win32Exception) { }           // could not be killed (already reaped, permissions): nothing more to do
    }

    private static bool Watched(ProcessSpec spec) => spec.DiesWithCaller && !OperatingSystem.IsWindows();

    private static Process? TryStart(ProcessSpec spec, out string? error)
    {
        if (spec.DiesWithCaller && spec.Stdin is not null)
            throw new ArgumentException("a process that dies with its caller reads no stdin (the pipe is the watchdog's).", nameof(spec));
        var watched = Watched(spec);
        if (watched && Path.IsPathRooted(spec.FileName) && !File.Exists(spec.FileName))
        {
            error = "No such file or directory"; // as the system says it when the executable itself is started
            return null;
        }
        var psi = new ProcessStartInfo(watched ? "/bin/sh" : spec.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Directory.GetCurrentDirectory(),
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        if (watched)
            foreach (var a in (string[])["-c", WatchdogScript, "dm-watchdog", spec.FileName]) psi.ArgumentList.Add(a);
        foreach (var a in spec.Arguments) psi.ArgumentList.Add(a);
        if (spec.Environment is not null)
            foreach (var (k, v) in spec.Environment)
                if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;
        var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
            error = null;
            return process;
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            error = ex.Message;
            return null;
        }
    }

    private static async Task WriteStdinAsync(Process process, ReadOnlyMemory<byte>? stdin, CancellationToken ct)
    {
        try
        {
            if (stdin is { } bytes) await process.StandardInput.BaseStream.WriteAsync(bytes, ct).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException) { } // it exited, or closed its stdin, without reading all of it
    }
}
