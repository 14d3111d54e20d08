namespace DistributedModel.Mcp.Decisions;

/// <summary>A validated structured answer of one consultant.</summary>
internal sealed record Opinion(
    string Title,
    string Context,
    IReadOnlyList<OptionAssessment> Options,
    string Position,
    Verdict Verdict,
    string Rationale,
    IReadOnlyList<string> Consequences);
