namespace DistributedModel.Mcp.Dispatch;

/// <summary>Outcome of a <see cref="ChildProcess"/> run. <see cref="Started"/> is false when the executable could not be launched.</summary>
internal sealed record ChildProcessResult(
    bool Started,
    int ExitCode,
    string StdOut,
    string StdErr,
    TimeSpan Elapsed,
    bool TimedOut,
    bool Cancelled,
    string? StartError)
{
    public bool Succeeded => Started && !TimedOut && !Cancelled && ExitCode == 0;

    public static ChildProcessResult NotStarted(string error, TimeSpan elapsed) =>
        new(false, -1, "", "", elapsed, false, false, error);
}
