using System.Text.Json.Nodes;
using DistributedModel.Core.Wiring;
using DistributedModel.Core.Logging;

namespace DistributedModel.Cli.Wiring;

/// <summary>
/// What we write into Claude Code's configuration for one scope: the hook groups for <c>settings.json</c>
/// and the MCP server entry. Built from <see cref="WiringDefaults"/> so the repo's committed files, <c>dm install</c>,
/// <c>dm promote</c> and the plugin agree.
/// </summary>
public sealed class WiringPlan
{
    private WiringPlan(IReadOnlyList<HookSpec> hooks, JsonObject mcpEntry, string statusLineCommand)
    {
        Hooks = hooks;
        McpEntry = mcpEntry;
        StatusLineCommand = statusLineCommand;
    }

    public IReadOnlyList<HookSpec> Hooks { get; }

    /// <summary>The value of <c>mcpServers["distributed-model"]</c>.</summary>
    public JsonObject McpEntry { get; }

    public static string McpServerName => WiringDefaults.McpServerName;

    /// <summary>The <c>statusLine.command</c> of this scope (guarded like the hooks), written only with <c>--statusline</c>.</summary>
    public string StatusLineCommand { get; }

    /// <summary>
    /// Repository scope: commands relative to <c>$CLAUDE_PROJECT_DIR</c> (exactly <see cref="WiringDefaults.HookCommand"/>),
    /// and a SessionStart notice for a clone that has the committed wiring but not the binaries.
    /// </summary>
    public static WiringPlan ForRepository() => Build(WiringDefaults.HookPath, ParseEntry(WiringDefaults.McpServerEntryJson()), notice: true);

    /// <summary>User scope: absolute paths to the binaries copied under <paramref name="binDir"/> (e.g. <c>~/.claude/dm/bin</c>).</summary>
    public static WiringPlan ForUser(string binDir)
    {
        // An absolute path needs no launcher script.
        var entry = new JsonObject { ["command"] = Path.Combine(binDir, "mcp", WiringDefaults.McpExe), [WiringDefaults.McpAlwaysLoadProperty] = true };
        return Build(exe => Quote(Path.Combine(binDir, exe)), entry, "user");
    }

    /// <summary>Plugin scope: paths under <c>${CLAUDE_PLUGIN_ROOT}</c>.</summary>
    public static WiringPlan ForPlugin()
    {
        // Claude Code expands ${CLAUDE_PLUGIN_ROOT} in a plugin's .mcp.json.
        var entry = new JsonObject { ["command"] = "${CLAUDE_PLUGIN_ROOT}/bin/mcp/" + WiringDefaults.McpExe, [WiringDefaults.McpAlwaysLoadProperty] = true };
        return Build(exe => "\"${CLAUDE_PLUGIN_ROOT}\"/bin/" + exe, entry, "plugin");
    }

    /// <summary>The canonical matcher group for one hook, property order as Claude Code documents it.</summary>
    public static JsonObject Group(HookSpec spec)
    {
        var hook = new JsonObject { ["type"] = "command", ["command"] = spec.Command };
        if (spec.TimeoutSeconds is { } t) hook["timeout"] = t;
        var group = new JsonObject();
        if (spec.Matcher is not null) group["matcher"] = spec.Matcher;
        group["hooks"] = new JsonArray(hook);
        return group;
    }

    /// <summary>Argument that tells the UserPromptSubmit hook how the session names our tools (plugin tools are
    /// <c>mcp__plugin_distributed-model_distributed-model__…</c>); the repository command stays as committed (no argument = repo).</summary>
    public const string InstallArgument = " --install ";

    private static WiringPlan Build(Func<string, string> shellPath, JsonObject entry, string? mode = null, bool notice = false)
    {
        string promptArgs = mode is null ? "" : InstallArgument + mode;
        var hooks = new List<HookSpec>
        {
            Spec(HookEvents.UserPromptSubmit, null, WiringDefaults.UserPromptSubmitExe, promptArgs, null),
            Spec(HookEvents.PostToolUse, WiringDefaults.PostToolUseMatcher, WiringDefaults.PostToolUseExe, "", WiringDefaults.PostToolUseTimeoutSeconds),
        };
        if (notice) hooks.Add(new HookSpec(WiringDefaults.SessionStartEvent, null, WiringDefaults.SessionStartCommand(), null, []));
        return new WiringPlan(hooks, entry, WiringDefaults.GuardedCommand(shellPath(WiringDefaults.StatusLineExe)));

        HookSpec Spec(string hookEvent, string? matcher, string exe, string args, int? timeout)
        {
            string path = shellPath(exe);
            // before the guard: the bare path (with the argument, and from before the argument existed, without it)
            string[] previous = args.Length == 0 ? [path] : [path + args, path];
            return new HookSpec(hookEvent, matcher, WiringDefaults.GuardedCommand(path, args), timeout, previous);
        }
    }

    private static JsonObject ParseEntry(string json) => (JsonObject)JsonNode.Parse(json)!;

    private static string Quote(string path) => "\"" + path + "\"";
}
