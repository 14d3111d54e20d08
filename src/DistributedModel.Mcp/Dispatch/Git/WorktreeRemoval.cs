namespace DistributedModel.Mcp.Dispatch.Git;

/// <summary>What removing a worktree did: whether its branch went too, and any cleanup problem worth telling.</summary>
public sealed record WorktreeRemoval(bool BranchDeleted, string? Note)
{
    /// <summary>A worktree folder was there and is gone.</summary>
    public bool WorktreeRemoved { get; init; }

    /// <summary>The branch left in place because it has commits of its own (clean-up after a dead server).</summary>
    public string? BranchKept { get; init; }
}
