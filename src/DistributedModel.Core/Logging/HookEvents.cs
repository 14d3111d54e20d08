namespace DistributedModel.Core.Logging;

/// <summary>The hook events Distributed Model handles: Claude Code's <c>hook_event_name</c> and hooks.log <c>event</c>.</summary>
public static class HookEvents
{
    public const string PostToolUse = "PostToolUse";
    public const string UserPromptSubmit = "UserPromptSubmit";

    public static IReadOnlyList<string> All { get; } = [PostToolUse, UserPromptSubmit];
}
