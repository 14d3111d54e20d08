namespace DistributedModel.Mcp.Dispatch.Jobs;

/// <summary>The states of a background dispatch. queued → running → done | failed | interrupted.</summary>
public static class DispatchJobStates
{
    /// <summary>Waiting for a free slot (<c>dispatch.maxConcurrent</c> are running).</summary>
    public const string Queued = "queued";
    public const string Running = "running";
    /// <summary>Committed on the branch and reviewed.</summary>
    public const string Done = "done";
    /// <summary>Ended without a reviewed commit: codex failed, changed nothing, or git failed (see outcome).</summary>
    public const string Failed = "failed";
    /// <summary>The server stopped (or died) while the job was queued or running; codex was stopped.</summary>
    public const string Interrupted = "interrupted";

    public static bool IsTerminal(string state) => state is Done or Failed or Interrupted;
}
