using DistributedModel.Core.Processes;
using CoreRunner = DistributedModel.Core.Processes.ProcessRunner;

namespace DistributedModel.Testing.Processes;

/// <summary>
/// The tests' short form of the product's <see cref="CoreRunner"/>: a real process with optional stdin, environment and a
/// hard time limit (the process tree is killed when it passes). A process that cannot start is a test failure.
/// </summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> args,
        string? workingDirectory = null,
        string? stdin = null,
        IDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var spec = Spec(fileName, args, workingDirectory, environment, timeout);
        return Result(await CoreRunner.RunAsync(stdin is null ? spec : spec.WithStdin(stdin), cancellationToken), fileName);
    }

    /// <summary>Raw-bytes stdin variant (for invalid UTF-8 / binary input tests).</summary>
    public static async Task<ProcessResult> RunWithBytesAsync(string fileName, IEnumerable<string> args, byte[] stdin,
        string? workingDirectory = null, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null) =>
        Result(await CoreRunner.RunAsync(Spec(fileName, args, workingDirectory, environment, timeout) with { Stdin = stdin }), fileName);

    private static ProcessSpec Spec(string fileName, IEnumerable<string> args, string? workingDirectory,
        IDictionary<string, string?>? environment, TimeSpan? timeout) => new(fileName)
    {
        Arguments = [.. args],
        WorkingDirectory = workingDirectory,
        Environment = environment is null ? null : new Dictionary<string, string?>(environment, StringComparer.Ordinal),
        TimeLimit = timeout ?? TimeSpan.FromMinutes(2),
    };

    private static ProcessResult Result(ProcessOutcome o, string fileName)
    {
        if (!o.Started) throw new InvalidOperationException($"could not start {fileName}: {o.StartError}");
        // A cancelled run ends like a timed-out one here, as before: killed, not finished.
        return new ProcessResult(o.ExitCode, o.StdOut, o.StdErr, o.Elapsed, o.TimedOut || o.Cancelled);
    }
}
