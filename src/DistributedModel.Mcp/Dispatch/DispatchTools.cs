using System.ComponentModel;
using DistributedModel.Mcp.Dispatch.Jobs;
using DistributedModel.Mcp.Dispatch.Results;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DistributedModel.Mcp.Dispatch;

/// <summary>
/// The <c>dispatch</c> and <c>dispatch_status</c> MCP tools: hand an implementation brief to codex as a background job,
/// then read (or wait for) only the branch and the reviewers' verdicts.
/// </summary>
[McpServerToolType]
public sealed class DispatchTools
{
    /// <summary>The longest wait <c>dispatch_status</c> accepts.</summary>
    public const int MaxWaitSeconds = 600;

    [McpServerTool(Name = "dispatch", ReadOnly = false, Destructive = false, OpenWorld = true)]
    [Description("Delegate an implementation task; returns at once with the job id and branch (see dispatch_status). "
        + "In the background codex (OpenAI) writes the change in its own git worktree on a new branch dm/<slug>-<id> from "
        + "`base` (default HEAD, which must be clean; your checkout is never touched) and it is committed there; then 2-3 "
        + "reviewers of another model family judge the diff (correctness, quality, optionally security). A few jobs run at "
        + "once, more queue. Full diff, codex log and reviews: .claude/dm/dispatch/<id>/.")]
    public static async Task<CallToolResult> Dispatch(
        DispatchJobs jobs,
        TimeProvider time,
        [Description("What to implement: goal, constraints, files or tests to touch, how to check it. Codex sees only this and the repository.")]
        string brief,
        [Description("Commit or branch to start from (default: HEAD, which must have no uncommitted changes to tracked files).")]
        string? @base = null,
        [Description("Up to 3 reviewers as [framing:]provider[/model], framing correctness|quality|security, provider ollama|gemini|deepseek, "
            + "e.g. [\"ollama/glm-4.7-flash\", \"security:gemini\"]. Default: dm.json dispatch.reviewers. OpenAI-family reviewers are refused.")]
        string[]? reviewers = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(time);
        var (job, refusal) = await jobs.EnqueueAsync(new DispatchRequest(brief, @base, reviewers), cancellationToken).ConfigureAwait(false);
        if (job is null) return Text(DispatchResultFormatter.Format(refusal!), isError: true);
        var text = DispatchJobFormatter.Describe(job.State, time.GetUtcNow()).TrimEnd('\n')
            + $". dispatch_status(\"{job.Id}\", waitSeconds) returns the result.\n";
        foreach (var warning in job.Plan?.Options.Warnings ?? []) text += "warning: " + warning + "\n";
        return Text(text, isError: false);
    }

    [McpServerTool(Name = "dispatch_status", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [Description("State of one dispatch job (its result once done) or, without id, a line per job. waitSeconds: wait up to "
        + "that long for the job (without id: for any unfinished job) to end; progress is reported meanwhile.")]
    public static async Task<CallToolResult> DispatchStatus(
        DispatchJobs jobs,
        TimeProvider time,
        IProgress<ProgressNotificationValue> progress,
        [Description("Job id returned by dispatch; omit for all jobs.")]
        string? id = null,
        [Description($"0-600 (default 0: answer at once).")]
        int waitSeconds = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(time);
        if (waitSeconds is < 0 or > MaxWaitSeconds)
            return Text($"dispatch_status: waitSeconds must be from 0 to {MaxWaitSeconds}; got {waitSeconds}.\n", isError: true);

        var single = string.IsNullOrWhiteSpace(id) ? null : jobs.Find(id.Trim());
        if (!string.IsNullOrWhiteSpace(id) && single is null)
        {
            var known = jobs.All.TakeLast(5).Select(j => j.Id).ToList();
            return Text($"dispatch_status: no dispatch job '{Clip(id.Trim())}'"
                + (known.Count > 0 ? $"; recent ids: {string.Join(", ", known)}.\n" : "; there are no jobs.\n"), isError: true);
        }

        var watched = single is null ? jobs.All.Where(j => !j.State.IsTerminal).ToList() : [single];
        if (waitSeconds > 0 && watched.Count > 0 && watched.All(j => !j.State.IsTerminal))
        {
            var relay = new ProgressRelay(progress, prefix: single is null);
            var watches = watched.Select(j => j.Watch(relay.For(j.Id))).ToList();
            try
            {
                await Task.WhenAny(watched.Select(j => j.Ended)).WaitAsync(TimeSpan.FromSeconds(waitSeconds), time, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (TimeoutException) { }
            finally
            {
                foreach (var w in watches) w.Dispose();
            }
        }

        var now = time.GetUtcNow();
        if (single is null) return Text(DispatchJobFormatter.List([.. jobs.All.Select(j => j.State)], now), isError: false);
        var state = single.State;
        return Text(DispatchJobFormatter.Describe(state, now),
            isError: state.State is DispatchJobStates.Failed or DispatchJobStates.Interrupted);
    }

    private static CallToolResult Text(string text, bool isError) =>
        new() { Content = [new TextContentBlock { Text = text }], IsError = isError };

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>Turns jobs' progress messages into numbered MCP progress notifications of the waiting call, in order.</summary>
    private sealed class ProgressRelay(IProgress<ProgressNotificationValue>? target, bool prefix)
    {
        private readonly Lock _gate = new();
        private int _step;

        public IProgress<string> For(string jobId) => new Progress(this, prefix ? jobId + ": " : "");

        private void Report(string value)
        {
            lock (_gate) target?.Report(new ProgressNotificationValue { Progress = ++_step, Message = value });
        }

        private sealed class Progress(ProgressRelay relay, string prefix) : IProgress<string>
        {
            public void Report(string value) => relay.Report(prefix + value);
        }
    }
}
