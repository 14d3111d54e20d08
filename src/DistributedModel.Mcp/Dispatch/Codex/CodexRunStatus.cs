namespace DistributedModel.Mcp.Dispatch.Codex;

public enum CodexRunStatus
{
    /// <summary>Exit code 0 and a completed turn.</summary>
    Succeeded,
    /// <summary>Non-zero exit or a failed turn (model/server error, refused request...).</summary>
    Failed,
    /// <summary>Killed after the configured time limit.</summary>
    TimedOut,
    /// <summary>Killed because the caller cancelled.</summary>
    Cancelled,
    /// <summary>The codex executable was not found or could not be started.</summary>
    NotFound,
}
