namespace DistributedModel.Mcp.Dispatch.Review;

/// <summary>One problem a reviewer found. <see cref="Line"/> is null when the finding is not about one line.</summary>
public sealed record ReviewFinding(string File, int? Line, string Severity, string Message)
{
    public static readonly IReadOnlyList<string> Severities = ["critical", "high", "medium", "low", "info"];

    /// <summary>0 for critical … 4 for info: lower sorts first.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Rank => Severities.ToList().IndexOf(Severity) is var i and >= 0 ? i : Severities.Count;
}
