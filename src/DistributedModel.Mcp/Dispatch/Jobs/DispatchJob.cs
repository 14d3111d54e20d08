namespace DistributedModel.Mcp.Dispatch.Jobs;

/// <summary>
/// One background dispatch in the server: its current <see cref="DispatchJobState"/> (mirrored to state.json on every
/// change of state), a task that completes when it ends, and the progress watchers (waiting <c>dispatch_status</c>
/// calls) its progress messages are forwarded to.
/// </summary>
public sealed class DispatchJob : IProgress<string>
{
    private readonly Lock _gate = new();
    private readonly List<IProgress<string>> _watchers = [];
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DispatchJobState _state;

    private readonly DispatchStateKey _key;

    public DispatchJob(DispatchJobState state, string directory, DispatchPlan? plan, DispatchStateKey key)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        _state = state;
        Directory = directory;
        Plan = plan;
        if (state.IsTerminal) _ended.TrySetResult();
    }

    public string Id => _state.Id;

    /// <summary>The job's folder, <c>.claude/dm/dispatch/&lt;id&gt;/</c>.</summary>
    public string Directory { get; }

    /// <summary>What to run; null for a job found on disk by a restarted server.</summary>
    public DispatchPlan? Plan { get; }

    public DispatchJobState State
    {
        get { lock (_gate) return _state; }
    }

    /// <summary>Completes when the job reaches a terminal state.</summary>
    public Task Ended => _ended.Task;

    /// <summary>
    /// Moves the job on (persisting the new state) unless it already ended: a job that ended stays as it is. Returns
    /// whether the state changed.
    /// </summary>
    public bool Transition(Func<DispatchJobState, DispatchJobState> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (_state.IsTerminal) return false;
            var next = change(_state);
            DispatchStateFile.Write(Directory, next, _key);
            _state = next;
            if (next.IsTerminal) _ended.TrySetResult();
            return true;
        }
    }

    /// <summary>Forwards the job's progress to <paramref name="watcher"/> until the returned handle is disposed.</summary>
    public IDisposable Watch(IProgress<string> watcher)
    {
        lock (_gate) _watchers.Add(watcher);
        return new Unwatch(this, watcher);
    }

    public void Report(string value)
    {
        IProgress<string>[] watchers;
        lock (_gate)
        {
            _state = _state with { LastProgress = value };
            watchers = [.. _watchers];
        }
        foreach (var w in watchers) w.Report(value);
    }

    private sealed class Unwatch(DispatchJob job, IProgress<string> watcher) : IDisposable
    {
        public void Dispose()
        {
            lock (job._gate) job._watchers.Remove(watcher);
        }
    }
}
