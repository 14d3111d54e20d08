namespace DistributedModel.Cli.Report;

/// <summary>One row of the review: a seed target next to the measured value.</summary>
/// <param name="Key">What the row measures (<see cref="TargetKeys"/>): how writers find it, whatever its position.</param>
public sealed record TargetResult(string Key, string Name, string Measured, string Target, TargetStatus Status)
{
    public string StatusText => Status switch { TargetStatus.Pass => "PASS", TargetStatus.Fail => "FAIL", _ => "NO DATA" };
}
