namespace DistributedModel.Cli.Report;

/// <summary>The front matter of one <c>audits/*.md</c> decision record.</summary>
public sealed record DecisionRecord(DateOnly Date, string Kind, string Verdict, IReadOnlyList<string> Providers, string File)
{
    /// <summary>
    /// Written by the consultant lanes (<c>consult</c>, <c>tribunal</c>). Records people write by hand (<c>kind: design</c>)
    /// are listed but say nothing about whether the consultant pushes back.
    /// </summary>
    public bool IsConsultant => Kind is "consult" or "tribunal";

    /// <summary>A consultant's MODIFY or REVERSE: it overturned the orchestrator's proposal.</summary>
    public bool IsOverturn => IsConsultant && Verdict is "MODIFY" or "REVERSE";
}
