namespace DistributedModel.Mcp.Dispatch.Review;

/// <summary>What one reviewer returned. <see cref="Verdict"/> is set only when <see cref="Status"/> is Ok.</summary>
public sealed record ReviewerOutcome(
    ReviewerSpec Spec,
    ReviewerStatus Status,
    ReviewVerdict? Verdict,
    string? Error,
    string? RawReply,
    string? Provider,
    string? Model,
    TimeSpan Elapsed)
{
    /// <summary>e.g. <c>ollama/glm-4.7-flash</c>: who answered, else who was asked.</summary>
    public string Who => $"{Provider ?? Spec.Provider}/{Model ?? Spec.Model ?? "default"}";
}
