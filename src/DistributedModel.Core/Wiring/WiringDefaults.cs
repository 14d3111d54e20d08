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

    /// <summary>A hook binary's path as the shell sees it in a repository's settings.json (quoted so paths with spaces work).</summary>
    public static string HookPath(string exeName) => $"\"$CLAUDE_PROJECT_DIR\"/{HookDir}/{exeName}";

    /// <summary>Hook command as written into a repository's settings.json: <see cref="GuardedCommand"/> of <see cref="HookPath"/>.</summary>
    public static string HookCommand(string exeName) => GuardedCommand(HookPath(exeName));

    /// <summary>
    /// Runs the binary at <paramref name="shellPath"/> (already quoted for <c>sh</c>) when it is there, else does nothing
    /// and succeeds. A teammate who pulls a committed <c>settings.json</c> has no <c>hooks/bin</c> (it is git-excluded);
    /// a bare path would fail with exit 127, which Claude Code 2.1.332 reports as a hook error on every prompt and tool
    /// call (verified). <c>exec</c> keeps the hook's own exit code, stdin and timing when the binary exists.
    /// </summary>
    public static string GuardedCommand(string shellPath, string arguments = "") =>
        $"[ -x {shellPath} ] && exec {shellPath}{arguments}; exit 0";

    /// <summary>Claude Code event that runs once when a session starts (and on resume, clear and compact).</summary>
    public const string SessionStartEvent = "SessionStart";

    /// <summary>What a session in a wired repository without its binaries tells the user, once, at start.</summary>
    public const string MissingBinariesNotice =
        "Distributed Model is wired in this repository but its binaries (hooks/bin) are not installed here, so its hooks are skipped. To install them: dm install";

    /// <summary>
    /// The repository's SessionStart command: silent when both hook binaries are there, otherwise prints
    /// <see cref="MissingBinariesNotice"/> as a <c>systemMessage</c> (shown to the user, not given to the model).
    /// </summary>
    public static string SessionStartCommand() =>
        $"[ -x {HookPath(PostToolUseExe)} ] && [ -x {HookPath(UserPromptSubmitExe)} ] || echo '{{\"systemMessage\":\"{MissingBinariesNotice}\"}}'";

    /// <summary>File name of the PostToolUse hook executable inside <see cref="HookDir"/>.</summary>
    public const string PostToolUseExe = "PostToolUse";

    /// <summary>File name of the UserPromptSubmit hook executable inside <see cref="HookDir"/>.</summary>
    public const string UserPromptSubmitExe = "UserPromptSubmit";

    /// <summary>File name of the status line executable inside <see cref="HookDir"/> (wired by <c>dm install --statusline</c>).</summary>
    public const string StatusLineExe = "StatusLine";

    /// <summary>
    /// The <c>statusLine.command</c> a repository's settings.json gets: <see cref="GuardedCommand"/> of
    /// <see cref="HookPath"/>, like the hooks. Claude Code 2.1.332 runs the status line through the same executor as
    /// command hooks (read in its bundle: <c>CLAUDE_PROJECT_DIR</c> is set to the project root for it too), so a teammate
    /// without <c>hooks/bin</c> gets an empty status line (nothing printed, exit 0) instead of an error after every message.
    /// </summary>
    public static string StatusLineCommand() => GuardedCommand(HookPath(StatusLineExe));

    /// <summary>Repo-relative directory of the Native AOT MCP server (a subfolder of <see cref="HookDir"/>).</summary>
    public const string McpDir = HookDir + "/mcp";

    /// <summary>File name of the MCP server executable (one native file) inside <see cref="McpDir"/>.</summary>
    public const string McpExe = "dm-mcp";

    /// <summary>
    /// Shell snippet that starts the MCP server of the nearest enclosing project: Claude Code (2.1.197, verified) spawns
    /// project MCP servers in the directory it was launched from, which may be a subdirectory, and does not expand
    /// <c>${CLAUDE_PROJECT_DIR}</c> in <c>.mcp.json</c>. So walk up to the project root — the nearest folder whose
    /// <c>.mcp.json</c> names this server, never above the repository's root (the first folder with <c>.git</c>) — run the
    /// server there and tell it the root. Only that folder's <see cref="McpDir"/> counts: a <c>hooks/bin/mcp/dm-mcp</c>
    /// planted in a parent such as <c>/tmp</c> is never run (issue 26.8). When there is none (a clone where
    /// <c>dm install</c> has not run) it says why on stderr and exits 127.
    /// </summary>
    public const string McpLauncherScript =
        "d=\"$PWD\"; while :; do " +
        "if [ -f \"$d/.mcp.json\" ] && grep -q '\"" + McpServerName + "\"' \"$d/.mcp.json\"; then break; fi; " +
        "if [ -e \"$d/.git\" ] || [ \"$d\" = / ]; then d=; break; fi; d=$(dirname \"$d\"); done; " +
        "[ -n \"$d\" ] && [ -x \"$d/" + McpDir + "/" + McpExe + "\" ] || { echo \"distributed-model: no " + McpDir + "/" + McpExe +
        " in the project of $PWD (the folder whose .mcp.json names " + McpServerName + "); run: dm install\" >&2; exit 127; }; " +
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
