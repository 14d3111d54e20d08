using System.Text.Json.Serialization;
using DistributedModel.Mcp.Dispatch.Review;

namespace DistributedModel.Mcp.Dispatch.Results;

/// <summary>The full review of one reviewer as stored in <c>review-&lt;framing&gt;.json</c>.</summary>
public sealed record ReviewArtifact(
    [property: JsonPropertyName("framing")] string Framing,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("elapsed_ms")] long ElapsedMs,
    [property: JsonPropertyName("verdict")] string? Verdict,
    [property: JsonPropertyName("findings")] IReadOnlyList<ReviewFinding>? Findings,
    [property: JsonPropertyName("raw_reply")] string? RawReply)
{
    public static ReviewArtifact From(ReviewerOutcome o) => new(
        o.Spec.Framing, o.Provider ?? o.Spec.Provider, o.Model ?? o.Spec.Model,
        o.Status.ToString().ToLowerInvariant(), o.Error, (long)o.Elapsed.TotalMilliseconds,
        o.Verdict?.Verdict, o.Verdict?.Findings, o.RawReply);
}
