namespace DistributedModel.Hooks.Wiring;

/// <summary>
/// How Distributed Model is wired into a repository's Claude Code configuration.
/// <c>dm install</c>, the committed <c>.claude/settings.json</c>/<c>.mcp.json</c> of this repo and the tests share these.
/// </summary>
public static class WiringDefaults
{
    /// <summary>Repo-relative directory holding the published hook binaries (and the MCP server under <c>mcp/</c>).</summary>
    public const string HookDir = "hooks/bin";

    /// <summary>Name of the MCP server in <c>.mcp.json</c>; tools reach the model as <c>mcp__distributed-model__&lt;tool&gt;</c>.</summary>
    public const string McpServerName = "distributed-model";

    /// <summary>Matcher for the PostToolUse hook.</summary>
    public const string PostToolUseMatcher = "Bash|Read|Grep|mcp__.*";

    /// <summary>Timeout (seconds) Claude Code gives the PostToolUse hook.</summary>
    public const int PostToolUseTimeoutSeconds = 10;

    /// <summary>Hook command as written into settings.json (quoted so paths with spaces work).</summary>
    public static string HookCommand(string exeName) => $"\"$CLAUDE_PROJECT_DIR\"/{HookDir}/{exeName}";
}
