using System.Text;

namespace DistributedModel.Mcp.Dispatch.Codex;

/// <summary>
/// Runs <c>codex exec --json</c> non-interactively: stdin closed, workspace-write sandbox, no unbounded reconnects
/// (a dead model server fails the run instead of hanging it), a hard time limit, and the JSON event stream followed
/// line by line for progress while it is written verbatim to the event log.
/// </summary>
public sealed class CodexRunner
{
    /// <summary>Codex longest-lived retry loop when the server is unreachable; disabled so failures surface fast.</summary>
    public const string UnboundedRetriesFeature = "unbounded_connection_retries";

    /// <summary>The command-line arguments for <paramref name="request"/> under <paramref name="options"/>.</summary>
    public static IReadOnlyList<string> BuildArguments(CodexRunRequest request, DispatchOptions options)
    {
        var args = new List<string>
        {
            "exec", "--json",
            "--sandbox", options.Sandbox,
            "--skip-git-repo-check",
            "--disable", UnboundedRetriesFeature,
            "--cd", request.WorkingDirectory,
        };
        if (!string.IsNullOrWhiteSpace(options.CodexModel)) args.AddRange(["--model", options.CodexModel]);
        foreach (var c in options.CodexConfig) args.AddRange(["--config", c]);
        args.Add("--");
        args.Add(request.Prompt);
        return args;
    }

    public async Task<CodexRunResult> RunAsync(CodexRunRequest request, DispatchOptions options, IProgress<string>? progress,
        CancellationToken ct)
    {
        var executable = CodexLocator.Find(options.CodexPath);
        if (executable is null)
        {
            return NotFound($"codex CLI not found ('{options.CodexPath}'): install it with `npm install -g @openai/codex` "
                + "or set dispatch.codexPath in .claude/dm.json.");
        }
        if (options.CodexHome is { } home && !Directory.Exists(home))
            return NotFound($"dispatch.codexHome {home} does not exist (codex requires CODEX_HOME to exist).");

        var env = new Dictionary<string, string?> { ["NO_COLOR"] = "1" };
        if (options.CodexHome is { } codexHome) env["CODEX_HOME"] = codexHome;

        Directory.CreateDirectory(Path.GetDirectoryName(request.EventLogPath)!);
        var tracker = new CodexEventTracker(request.WorkingDirectory);
        ChildProcessResult result;
        await using (var log = new StreamWriter(request.EventLogPath, append: false, new UTF8Encoding(false)) { AutoFlush = true })
        {
            result = await ChildProcess.RunAsync(executable, BuildArguments(request, options), request.WorkingDirectory,
                options.CodexTimeout, ct, env, line =>
                {
                    lock (log) log.WriteLine(line);
                    if (tracker.Apply(line) is { } message) progress?.Report(message);
                }, keepStdout: false, diesWithServer: true).ConfigureAwait(false);
        }
        await File.WriteAllTextAsync(request.StdErrLogPath, result.StdErr, CancellationToken.None).ConfigureAwait(false);

        if (!result.Started)
            return NotFound($"codex could not be started from {executable}: {result.StartError}");

        var (status, error) = Classify(result, tracker, options);
        return new CodexRunResult(status, error, result.ExitCode, result.Elapsed, tracker.Usage, tracker.FinalMessage,
            tracker.Commands, tracker.ChangedFiles.ToArray(), tracker.Events, result.StdErr);
    }

    private static (CodexRunStatus, string?) Classify(ChildProcessResult result, CodexEventTracker tracker, DispatchOptions options)
    {
        if (result.Cancelled) return (CodexRunStatus.Cancelled, "codex was cancelled.");
        if (result.TimedOut)
            return (CodexRunStatus.TimedOut, $"codex did not finish within {options.CodexTimeout.TotalSeconds:F0} s and was stopped.");
        if (result.ExitCode == 0 && tracker.TurnCompleted && !tracker.TurnFailed) return (CodexRunStatus.Succeeded, null);

        var reason = tracker.FailureMessage
            ?? tracker.Errors.LastOrDefault()
            ?? LastLines(result.StdErr, 3)
            ?? (tracker.Events == 0 ? "no JSON events on stdout" : "the turn did not complete");
        return (CodexRunStatus.Failed, $"codex failed (exit {result.ExitCode}): {CodexEventTracker.Clip(reason, 400)}");
    }

    private static string? LastLines(string text, int count)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? null : string.Join(" | ", lines.TakeLast(count));
    }

    private static CodexRunResult NotFound(string error) =>
        new(CodexRunStatus.NotFound, error, -1, TimeSpan.Zero, null, null, 0, [], 0, "");
}
