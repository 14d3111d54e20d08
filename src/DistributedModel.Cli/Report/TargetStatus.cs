namespace DistributedModel.Cli.Report;

public enum TargetStatus
{
    Pass,
    Fail,
    NoData,
}
