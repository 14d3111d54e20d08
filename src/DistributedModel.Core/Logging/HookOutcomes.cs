namespace DistributedModel.Core.Logging;

/// <summary>hooks.log <c>outcome</c> values (see <see cref="HookLogRecord"/>).</summary>
public static class HookOutcomes
{
    /// <summary>PostToolUse replaced the tool output.</summary>
    public const string Compressed = "compressed";

    /// <summary>The hook ran and left everything as it was.</summary>
    public const string Passthrough = "passthrough";

    /// <summary>UserPromptSubmit added guidance.</summary>
    public const string Injected = "injected";

    /// <summary>The hook gave up and let Claude Code go on unchanged: <c>failopen:&lt;reason&gt;</c>.</summary>
    public const string FailOpen = "failopen";

    /// <summary>Prefix of every fail-open outcome.</summary>
    public const string FailOpenPrefix = FailOpen + ":";

    /// <summary><c>failopen:&lt;reason&gt;</c>.</summary>
    public static string FailOpenFor(string reason) => FailOpenPrefix + reason;

    /// <summary>True for any <c>failopen:…</c> outcome.</summary>
    public static bool IsFailOpen(string? outcome) => outcome is not null && outcome.StartsWith(FailOpen, StringComparison.Ordinal);
}
