namespace DistributedModel.Mcp.Dispatch.Review;

/// <summary>A reviewer's validated structured answer.</summary>
public sealed record ReviewVerdict(string Verdict, IReadOnlyList<ReviewFinding> Findings)
{
    public const string Approve = "approve";
    public const string RequestChanges = "request_changes";
    public const string Reject = "reject";

    public static readonly IReadOnlyList<string> Verdicts = [Approve, RequestChanges, Reject];
}
