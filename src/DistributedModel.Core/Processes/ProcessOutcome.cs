namespace DistributedModel.Core.Processes;

/// <summary>How a <see cref="ProcessRunner.RunAsync"/> ended.</summary>
/// <param name="Started">False when the executable could not be started (<see cref="StartError"/> is the system's reason, e.g. "No such file or directory").</param>
/// <param name="ExitCode">The exit code; -1 when not started.</param>
/// <param name="StdOut">stdout as UTF-8 text (its last <see cref="ProcessSpec.StdoutLimitChars"/> characters).</param>
/// <param name="StdErr">stderr likewise.</param>
/// <param name="TimedOut">The time limit passed and the process tree was killed.</param>
/// <param name="Cancelled">The caller cancelled and the process tree was killed.</param>
public sealed record ProcessOutcome(
    bool Started, int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed, bool TimedOut, bool Cancelled, string? StartError)
{
    /// <summary>More stdout arrived than was kept.</summary>
    public bool StdOutTruncated { get; init; }

    /// <summary>More stderr arrived than was kept.</summary>
    public bool StdErrTruncated { get; init; }

    /// <summary>Started, ran to its end within the limit and exited 0.</summary>
    public bool Succeeded => Started && !TimedOut && !Cancelled && ExitCode == 0;

    internal static ProcessOutcome NotStarted(string error, TimeSpan elapsed) => new(false, -1, "", "", elapsed, false, false, error);
}
