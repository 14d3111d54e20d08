namespace DistributedModel.Mcp.Dispatch.Codex;

/// <summary>What one <c>codex exec</c> run did.</summary>
public sealed record CodexRunResult(
    CodexRunStatus Status,
    string? Error,
    int ExitCode,
    TimeSpan Elapsed,
    CodexUsage? Usage,
    string? FinalMessage,
    int Commands,
    IReadOnlyCollection<string> ChangedFiles,
    int Events,
    string StdErrTail);
