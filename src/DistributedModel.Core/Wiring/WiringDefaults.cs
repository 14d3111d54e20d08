namespace DistributedModel.Core.Wiring;

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

    /// <summary>File name of the PostToolUse hook executable inside <see cref="HookDir"/>.</summary>
    public const string PostToolUseExe = "PostToolUse";

    /// <summary>File name of the UserPromptSubmit hook executable inside <see cref="HookDir"/>.</summary>
    public const string UserPromptSubmitExe = "UserPromptSubmit";

    /// <summary>Repo-relative directory of the framework-dependent MCP server (a subfolder of <see cref="HookDir"/>).</summary>
    public const string McpDir = HookDir + "/mcp";

    /// <summary>File name of the MCP server executable (apphost) inside <see cref="McpDir"/>.</summary>
    public const string McpExe = "dm-mcp";

    /// <summary>
    /// Shell snippet that starts the MCP server of the nearest enclosing project: Claude Code (2.1.197, verified) spawns
    /// project MCP servers in the directory it was launched from, which may be a subdirectory, and does not expand
    /// <c>${CLAUDE_PROJECT_DIR}</c> in <c>.mcp.json</c>. So walk up to the directory holding <see cref="McpDir"/>, run the
    /// server from there, and tell it the project root. When there is none (a clone where <c>dm install</c> has not run)
    /// it says why on stderr and exits 127.
    /// </summary>
    public const string McpLauncherScript =
        "d=\"$PWD\"; while [ \"$d\" != / ] && [ ! -x \"$d/" + McpDir + "/" + McpExe + "\" ]; do d=$(dirname \"$d\"); done; " +
        "[ -x \"$d/" + McpDir + "/" + McpExe + "\" ] || { echo \"distributed-model: no " + McpDir + "/" + McpExe +
        " in $PWD or above it; run: dm install\" >&2; exit 127; }; " +
        "cd \"$d\" && export CLAUDE_PROJECT_DIR=\"$d\" && exec ./" + McpDir + "/" + McpExe;

    /// <summary>
    /// Property of an MCP server entry that makes Claude Code wait for the server before the first model request and
    /// keep its tools loaded (never deferred behind tool search). Claude Code 2.1.197 (verified) otherwise connects
    /// project servers in the background and, in print mode, waits only about 2 s: a server that starts slower on a
    /// loaded machine is missing from the first turn — and a one-shot <c>claude -p "summarize build.log"</c> has no other.
    /// The orchestrator is meant to call our lanes on its own, so they must be there from the first turn.
    /// </summary>
    public const string McpAlwaysLoadProperty = "alwaysLoad";

    /// <summary>
    /// The value of <c>mcpServers["distributed-model"]</c> in a repository's <c>.mcp.json</c>, as compact JSON text.
    /// The single place that decides how Claude Code starts our server; <c>dm install</c>, the committed
    /// <c>.mcp.json</c> and the tests use it. See <see cref="McpLauncherScript"/> for why it goes through <c>sh</c>
    /// and <see cref="McpAlwaysLoadProperty"/> for why it is always loaded.
    /// </summary>
    public static string McpServerEntryJson() =>
        "{\"command\":\"sh\",\"args\":[\"-c\"," + System.Text.Json.JsonSerializer.Serialize(McpLauncherScript, WiringJsonContext.Default.String) +
        "],\"" + McpAlwaysLoadProperty + "\":true}";
}
