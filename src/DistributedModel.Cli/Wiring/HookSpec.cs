namespace DistributedModel.Cli.Wiring;

/// <summary>
/// One hook we register: the Claude Code event, an optional matcher, and its command line. <paramref name="PreviousCommands"/> are the commands earlier versions wrote for the same hook, so a
/// re-install replaces them and uninstall removes them.
/// </summary>
public sealed record HookSpec(string Event, string? Matcher, string Command, int? TimeoutSeconds, IReadOnlyList<string> PreviousCommands);
