namespace DistributedModel.Mcp.Dispatch;

public enum DispatchStatus
{
    /// <summary>Codex's change is committed on the branch and the reviewers ran (some may have failed: partial).</summary>
    Completed,
    /// <summary>Not started: bad input, a dirty base, an unknown base or a refused reviewer.</summary>
    Refused,
    /// <summary>Codex was missing, failed, timed out or was cancelled; nothing committed.</summary>
    CodexFailed,
    /// <summary>Codex finished but changed no file.</summary>
    NoChanges,
    /// <summary>A git command failed.</summary>
    GitError,
}
