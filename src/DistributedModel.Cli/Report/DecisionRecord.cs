namespace DistributedModel.Cli.Report;

/// <summary>The front matter of one <c>audits/*.md</c> decision record.</summary>
public sealed record DecisionRecord(DateOnly Date, string Kind, string Verdict, IReadOnlyList<string> Providers, string File)
{
    /// <summary>MODIFY and REVERSE overturn the orchestrator's proposal.</summary>
    public bool IsOverturn => Verdict is "MODIFY" or "REVERSE";
}
