namespace DistributedModel.Mcp.Dispatch.Git;

/// <summary>What removing a worktree did: whether its branch went too, and any cleanup problem worth telling.</summary>
public sealed record WorktreeRemoval(bool BranchDeleted, string? Note);
