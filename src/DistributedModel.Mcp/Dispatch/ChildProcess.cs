using DistributedModel.Core.Processes;

namespace DistributedModel.Mcp.Dispatch;

/// <summary>
/// Runs a child process of the dispatch engine (git, codex) through Core's <see cref="ProcessRunner"/>: stdin closed at
/// once, stdout read line by line, stderr kept (tail), a hard time limit and cancellation that kill the whole process
/// tree; with <c>diesWithServer</c> the child and what it starts die with the server even when it is SIGKILLed.
/// </summary>
/// <remarks>
/// stdin is never inherited: the MCP server's stdin is the protocol stream, and codex waits for EOF on a non-TTY stdin.
/// </remarks>
internal static class ChildProcess
{
    private const int StderrKeepChars = 16 * 1024;

    public static async Task<ChildProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> args,
        string workingDirectory,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action<string>? onStdoutLine = null,
        bool keepStdout = true,
        bool diesWithServer = false)
    {
        var outcome = await ProcessRunner.RunAsync(new ProcessSpec(fileName)
        {
            Arguments = [.. args],
            WorkingDirectory = workingDirectory,
            Environment = environment,
            TimeLimit = timeout,
            StdoutLimitChars = keepStdout ? ProcessSpec.DefaultOutputLimitChars : 0,
            StderrLimitChars = StderrKeepChars,
            OnStdoutLine = onStdoutLine,
            DiesWithCaller = diesWithServer,
        }, cancellationToken).ConfigureAwait(false);
        return outcome.Started
            ? new ChildProcessResult(true, outcome.ExitCode, outcome.StdOut, outcome.StdErr, outcome.Elapsed, outcome.TimedOut,
                outcome.Cancelled, null)
            : ChildProcessResult.NotStarted($"cannot start {fileName}: {outcome.StartError}", outcome.Elapsed);
    }
}
