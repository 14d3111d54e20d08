namespace DistributedModel.Mcp.Dispatch;

/// <summary>One dispatch: the brief for codex, the base to branch from (default HEAD), and optional reviewers.</summary>
public sealed record DispatchRequest(string Brief, string? Base = null, IReadOnlyList<string>? Reviewers = null);
