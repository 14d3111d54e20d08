using System.Diagnostics;

namespace DistributedModel.Core.Processes;

/// <summary>
/// A child process talked to while it runs (an MCP server over stdio): UTF-8 pipes, stderr drained in the background
/// (its last characters kept), and the whole process tree killed on <see cref="DisposeAsync"/> if it is still running.
/// Started by <see cref="ProcessRunner.Start"/>.
/// </summary>
public sealed class RunningProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputCapture _stderr;
    private readonly Task _stderrPump;
    private int? _exitCodeAfterDispose;

    internal RunningProcess(Process process, OutputCapture stderr)
    {
        _process = process;
        _stderr = stderr;
        _stderrPump = stderr.PumpAsync(process.StandardError);
    }

    public int Id => _process.Id;

    public StreamWriter StandardInput => _process.StandardInput;

    public StreamReader StandardOutput => _process.StandardOutput;

    public bool HasExited => _exitCodeAfterDispose is not null || _process.HasExited;

    public int ExitCode => _exitCodeAfterDispose ?? _process.ExitCode;

    /// <summary>The stderr kept so far.</summary>
    public string StdErr => _stderr.Text;

    /// <summary>stderr once the stream has ended, or what there is after <paramref name="wait"/>.</summary>
    public async Task<string> StdErrAsync(TimeSpan wait)
    {
        using var cts = new CancellationTokenSource();
        await Task.WhenAny(_stderrPump, Task.Delay(wait, cts.Token)).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        return _stderr.Text;
    }

    /// <summary>True when it exited within <paramref name="timeout"/>.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Kills the whole process tree (no-op once it has exited).</summary>
    public void Kill() => ProcessRunner.KillTree(_process);

    /// <summary>Kills the tree if it still runs, waits for the exit and for stderr's end (at most <see cref="ProcessRunner.DrainLimit"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_exitCodeAfterDispose is not null) return;
        Kill();
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        await StdErrAsync(ProcessRunner.DrainLimit).ConfigureAwait(false);
        _exitCodeAfterDispose = _process.ExitCode;
        _process.Dispose();
    }
}
