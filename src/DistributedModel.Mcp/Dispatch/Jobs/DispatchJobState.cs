namespace DistributedModel.Mcp.Dispatch.Jobs;

/// <summary>
/// What <c>.claude/dm/dispatch/&lt;id&gt;/state.json</c> holds about one background dispatch: where it stands
/// (<see cref="State"/>, one of <see cref="DispatchJobStates"/>), its branch and base, its times, the last progress
/// message and, once it has ended, the result text returned to the orchestrator.
/// </summary>
public sealed record DispatchJobState
{
    public required string Id { get; init; }
    public required string State { get; init; }
    public string? Branch { get; init; }
    public string? Base { get; init; }
    /// <summary>The commit the branch was created from: a branch with no commits beyond it is deleted when its job is cleaned up.</summary>
    public string? BaseSha { get; init; }
    /// <summary>The server process that owns the job (with <see cref="ServerStartedAt"/>, so a reused pid is not mistaken for it);
    /// a restarted server reconciles only jobs whose owner is gone.</summary>
    public int? ServerPid { get; init; }
    public DateTimeOffset? ServerStartedAt { get; init; }
    /// <summary>The engine's <see cref="DispatchStatus"/> once the dispatch ended (completed, codexFailed, …).</summary>
    public string? Outcome { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? LastProgress { get; init; }
    public string? Error { get; init; }
    /// <summary>The ≤ 2 KB result (the same text as <c>result.md</c>).</summary>
    public string? Result { get; init; }

    /// <summary>HMAC of the state without this field, with this installation's <see cref="DispatchStateKey"/>.</summary>
    public string? Mac { get; init; }

    [System.Text.Json.Serialization.JsonIgnore] public bool IsTerminal => DispatchJobStates.IsTerminal(State);
}
