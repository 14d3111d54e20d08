namespace DistributedModel.Cli.Report;

/// <summary>How many lines were skipped as unreadable (e.g. a truncated last line).</summary>
public sealed class ReadStats
{
    public int Skipped { get; set; }
}
