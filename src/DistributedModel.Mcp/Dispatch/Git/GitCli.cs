namespace DistributedModel.Mcp.Dispatch.Git;

/// <summary>Runs the <c>git</c> executable non-interactively (no prompts, no pager, no editor, C locale).</summary>
internal sealed class GitCli(string gitExecutable = "git", IReadOnlyDictionary<string, string?>? environmentOverrides = null)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private static readonly IReadOnlyDictionary<string, string?> Environment = new Dictionary<string, string?>
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_PAGER"] = "cat",
        ["GIT_EDITOR"] = "true",
        ["LC_ALL"] = "C",
        ["GIT_OPTIONAL_LOCKS"] = "0",
    };

    /// <summary>Runs git and returns the result whatever the exit code.</summary>
    public async Task<ChildProcessResult> TryRunAsync(string workingDirectory, IReadOnlyList<string> args, CancellationToken ct,
        IReadOnlyDictionary<string, string?>? extraEnvironment = null)
    {
        var env = Environment;
        if (extraEnvironment is not null || environmentOverrides is not null)
        {
            var merged = new Dictionary<string, string?>(Environment);
            foreach (var (k, v) in environmentOverrides ?? new Dictionary<string, string?>()) merged[k] = v;
            foreach (var (k, v) in extraEnvironment ?? new Dictionary<string, string?>()) merged[k] = v;
            env = merged;
        }
        var result = await ChildProcess.RunAsync(gitExecutable, args, workingDirectory, DefaultTimeout, ct, env).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        if (!result.Started)
            throw new GitException($"git is not available ({result.StartError}); install git and make sure it is on PATH.");
        return result;
    }

    /// <summary>Runs git and returns stdout; throws <see cref="GitException"/> with git's stderr on a non-zero exit.</summary>
    public async Task<string> RunAsync(string workingDirectory, IReadOnlyList<string> args, CancellationToken ct,
        IReadOnlyDictionary<string, string?>? extraEnvironment = null)
    {
        var result = await TryRunAsync(workingDirectory, args, ct, extraEnvironment).ConfigureAwait(false);
        if (result.TimedOut)
            throw new GitException($"`git {string.Join(' ', args)}` timed out after {DefaultTimeout.TotalSeconds:F0} s.");
        if (result.ExitCode != 0)
            throw new GitException($"`git {string.Join(' ', args)}` failed (exit {result.ExitCode}): {result.StdErr.Trim()}");
        return result.StdOut;
    }
}
