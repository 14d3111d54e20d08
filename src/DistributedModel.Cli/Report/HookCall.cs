namespace DistributedModel.Cli.Report;

/// <summary>One line of <c>.claude/hooks.log</c>.</summary>
public sealed record HookCall(DateTimeOffset Timestamp, string Event, string? Tool, long InputBytes, long OutputBytes, double Ms, string Outcome);
