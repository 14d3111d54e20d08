namespace DistributedModel.Cli.Report;

/// <summary>One row of the review: a seed target next to the measured value.</summary>
public sealed record TargetResult(string Name, string Measured, string Target, TargetStatus Status)
{
    public string StatusText => Status switch { TargetStatus.Pass => "PASS", TargetStatus.Fail => "FAIL", _ => "NO DATA" };
}
