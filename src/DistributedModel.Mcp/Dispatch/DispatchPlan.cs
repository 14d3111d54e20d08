using DistributedModel.Mcp.Dispatch.Review;

namespace DistributedModel.Mcp.Dispatch;

/// <summary>A dispatch that passed every up-front check (<see cref="DispatchService.PrepareAsync"/>), ready to run.</summary>
public sealed record DispatchPlan(
    DispatchRequest Request,
    DispatchOptions Options,
    IReadOnlyList<ReviewerSpec> Reviewers,
    string RepoRoot,
    string BaseSha,
    string BaseLabel,
    DispatchId Id);
