using DistributedModel.Mcp.Dispatch.Codex;
using DistributedModel.Mcp.Dispatch.Git;
using DistributedModel.Mcp.Dispatch.Review;

namespace DistributedModel.Mcp.Dispatch;

/// <summary>Everything a dispatch did, before it is condensed for the orchestrator by <see cref="Results.DispatchResultFormatter"/>.</summary>
public sealed record DispatchOutcome(DispatchStatus Status, string? Error)
{
    public DispatchId? Id { get; init; }
    /// <summary>The branch, when it was kept (it has the commit).</summary>
    public string? Branch { get; init; }
    /// <summary>The branch that was created and then deleted (failures).</summary>
    public string? RemovedBranch { get; init; }
    public string? BaseLabel { get; init; }
    public string? BaseSha { get; init; }
    public DiffStat? DiffStat { get; init; }
    public CodexRunResult? Codex { get; init; }
    public IReadOnlyList<ReviewerOutcome> Reviews { get; init; } = [];
    public DispatchArtifacts? Artifacts { get; init; }
    /// <summary>Kept worktree folder (only with dispatch.keepWorktree).</summary>
    public string? WorktreePath { get; init; }
    /// <summary>A cleanup problem worth telling (e.g. a folder that could not be removed).</summary>
    public string? CleanupNote { get; init; }
    public TimeSpan Elapsed { get; init; }

    public bool PartialReview => Reviews.Any(r => r.Status != ReviewerStatus.Ok);
}
