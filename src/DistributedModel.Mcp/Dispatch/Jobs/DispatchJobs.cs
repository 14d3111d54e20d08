using System.Text.RegularExpressions;
using DistributedModel.Mcp.Dispatch.Results;
using Microsoft.Extensions.Hosting;

namespace DistributedModel.Mcp.Dispatch.Jobs;

/// <summary>
/// Runs dispatches in the background of the MCP server: at most <c>dispatch.maxConcurrent</c> at once, the rest
/// queued in order. On start it lists the jobs found under <c>.claude/dm/dispatch/</c> and reconciles the ones a server
/// that is gone left queued or running: they are marked interrupted, their worktrees removed and pruned, their branches
/// deleted when they have no commits (kept when they have); a job whose server still runs (another session on the same
/// repository) is left alone. On stop it cancels the running jobs — their codex processes are killed and their
/// worktrees removed by the engine — and marks them, and the queued ones, interrupted.
/// </summary>
public sealed partial class DispatchJobs(DispatchService service, TimeProvider time, DispatchStateKey key) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DispatchJob> _jobs = new(StringComparer.Ordinal);
    private readonly Queue<DispatchJob> _queue = new();
    private readonly List<Task> _runs = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _running;
    private bool _stopped;

    /// <summary>All jobs known, oldest first.</summary>
    public IReadOnlyList<DispatchJob> All
    {
        get { lock (_gate) return [.. _jobs.Values.OrderBy(j => j.State.CreatedAt).ThenBy(j => j.Id, StringComparer.Ordinal)]; }
    }

    public DispatchJob? Find(string id)
    {
        lock (_gate) return _jobs.GetValueOrDefault(id);
    }

    /// <summary>
    /// Checks the request (a refusal comes back at once, nothing started), then queues the job and returns it;
    /// it starts as soon as a slot is free.
    /// </summary>
    public async Task<(DispatchJob? Job, DispatchOutcome? Refusal)> EnqueueAsync(DispatchRequest request, CancellationToken ct)
    {
        var (plan, refusal) = await service.PrepareAsync(request, ct).ConfigureAwait(false);
        if (plan is null) return (null, refusal);
        var state = new DispatchJobState
        {
            Id = plan.Id.Value,
            State = DispatchJobStates.Queued,
            Branch = plan.Id.Branch,
            Base = plan.BaseLabel,
            BaseSha = plan.BaseSha,
            ServerPid = ServerProcess.Current.Pid,
            ServerStartedAt = ServerProcess.Current.StartedAt,
            CreatedAt = time.GetUtcNow(),
        };
        string directory;
        try { directory = service.PrepareJobDirectory(plan.Id.Value); }
        catch (IOException ex) { return (null, new DispatchOutcome(DispatchStatus.Refused, ex.Message)); }
        lock (_gate)
        {
            if (_stopped) return (null, new DispatchOutcome(DispatchStatus.Refused, "the server is shutting down."));
            DispatchStateFile.Write(directory, state, key);
            var job = new DispatchJob(state, directory, plan, key);
            _jobs[job.Id] = job;
            _queue.Enqueue(job);
            Pump();
            return (job, null);
        }
    }

    /// <summary>Starts queued jobs while there are free slots. Caller holds <see cref="_gate"/>.</summary>
    private void Pump()
    {
        var max = Math.Clamp(service.MaxConcurrent, 1, DispatchOptions.MaxConcurrentLimit);
        while (!_stopped && _running < max && _queue.TryDequeue(out var job))
        {
            _running++;
            job.Transition(s => s with { State = DispatchJobStates.Running, StartedAt = time.GetUtcNow() });
            _runs.Add(Task.Run(() => RunAsync(job)));
        }
        _runs.RemoveAll(t => t.IsCompleted);
    }

    private async Task RunAsync(DispatchJob job)
    {
        try
        {
            var outcome = await service.ExecuteAsync(job.Plan!, job, _stopping.Token).ConfigureAwait(false);
            if (_stopping.IsCancellationRequested && outcome.Status != DispatchStatus.Completed)
            {
                MarkInterrupted(job, "the server stopped while the job ran: " + outcome.Error);
                return;
            }
            var result = DispatchResultFormatter.Format(outcome, service.ResultBudgetBytes);
            job.Transition(s => s with
            {
                State = outcome.Status == DispatchStatus.Completed ? DispatchJobStates.Done : DispatchJobStates.Failed,
                Outcome = JsonNamingPolicyCamel(outcome.Status),
                Branch = outcome.Branch,
                Error = outcome.Error,
                Result = result,
                FinishedAt = time.GetUtcNow(),
            });
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            MarkInterrupted(job, "the server stopped while the job ran; codex was stopped and the worktree removed.");
        }
#pragma warning disable CA1031 // a job's failure must end the job, never the server
        catch (Exception ex)
#pragma warning restore CA1031
        {
            job.Transition(s => s with
            {
                State = DispatchJobStates.Failed, Error = ex.GetType().Name + ": " + ex.Message, FinishedAt = time.GetUtcNow(),
            });
        }
        finally
        {
            lock (_gate)
            {
                _running--;
                Pump();
            }
        }
    }

    private void MarkInterrupted(DispatchJob job, string why) =>
        job.Transition(s => s with { State = DispatchJobStates.Interrupted, Error = why, FinishedAt = time.GetUtcNow() });

    private static string JsonNamingPolicyCamel(DispatchStatus status)
    {
        var name = status.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>
    /// Lists the jobs previous servers left on disk and reconciles those whose server is gone (interrupted at once,
    /// worktree removed, empty branch deleted) before the server takes calls.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(service.DispatchDir)) return;
        foreach (var dir in Directory.EnumerateDirectories(service.DispatchDir))
        {
            var name = Path.GetFileName(dir);
            // Only states this installation signed: a state.json committed to the repository is not a job of ours.
            if (!IdPattern().IsMatch(name) || DispatchStateFile.TryRead(dir, key) is not { } state || state.Id != name) continue;
            var job = new DispatchJob(state, dir, plan: null, key);
            if (!state.IsTerminal && !ServerProcess.OwnerRuns(state))
            {
                var removal = await service.CleanUpAbandonedAsync(state.Id, state.Branch, state.BaseSha, cancellationToken).ConfigureAwait(false);
                // No FinishedAt: when the old server died is unknown.
                job.Transition(s => s with
                {
                    State = DispatchJobStates.Interrupted,
                    Error = $"the server that ran this job ({s.State}) ended without finishing it.{CleanUpNote(s, removal)}",
                });
            }
            lock (_gate) _jobs.TryAdd(job.Id, job);
        }
    }

    private static string CleanUpNote(DispatchJobState s, Git.WorktreeRemoval? removal)
    {
        if (removal is null) return "";
        var note = "";
        if (removal.WorktreeRemoved) note += " Its worktree was removed.";
        if (removal.BranchDeleted) note += $" Its branch {s.Branch} had no commits and was deleted.";
        if (removal.BranchKept is { } kept) note += $" Its branch {kept} has commits and was kept.";
        if (removal.Note is { } problem) note += " " + problem;
        return note;
    }

    /// <summary>Stops every job: queued ones never start, running ones are cancelled (codex killed) and awaited.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] runs;
        lock (_gate)
        {
            _stopped = true;
            while (_queue.TryDequeue(out var queued))
                MarkInterrupted(queued, "the server stopped before the job started.");
            runs = [.. _runs];
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(runs).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { }
        // Whatever did not stop within the host's shutdown time is still marked, so no state says "running". Jobs of
        // another server that still runs (listed from disk, no plan) are its own.
        foreach (var job in All.Where(j => j.Plan is not null))
            MarkInterrupted(job, "the server stopped while the job ran.");
    }

    public void Dispose() => _stopping.Dispose();

    [GeneratedRegex("^[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$")]
    private static partial Regex IdPattern();
}
