namespace DistributedModel.Mcp.Dispatch.Git;

/// <summary>A dispatch's git worktree: its folder, its new branch and the commit it started from.</summary>
public sealed record Worktree(string RepoRoot, string Path, string Branch, string BaseSha, string BaseLabel);
