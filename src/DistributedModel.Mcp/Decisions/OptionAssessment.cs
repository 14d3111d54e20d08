namespace DistributedModel.Mcp.Decisions;

/// <summary>One option the consultant weighed.</summary>
internal sealed record OptionAssessment(string Name, IReadOnlyList<string> Pros, IReadOnlyList<string> Cons);
