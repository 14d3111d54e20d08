namespace DistributedModel.Cli.Wiring;

/// <summary>One hook we register: the Claude Code event, an optional matcher, the executable and its command line.</summary>
public sealed record HookSpec(string Event, string? Matcher, string ExeName, string Command, int? TimeoutSeconds);
