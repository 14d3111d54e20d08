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
    private WiringPlan(IReadOnlyList<HookSpec> hooks, JsonObject mcpEntry)
    {
        Hooks = hooks;
        McpEntry = mcpEntry;
    }

    public IReadOnlyList<HookSpec> Hooks { get; }

    /// <summary>The value of <c>mcpServers["distributed-model"]</c>.</summary>
    public JsonObject McpEntry { get; }

    public static string McpServerName => WiringDefaults.McpServerName;

    /// <summary>Repository scope: commands relative to <c>$CLAUDE_PROJECT_DIR</c> (exactly <see cref="WiringDefaults.HookCommand"/>).</summary>
    public static WiringPlan ForRepository() => Build(WiringDefaults.HookCommand, ParseEntry(WiringDefaults.McpServerEntryJson()));

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

    private static WiringPlan Build(Func<string, string> command, JsonObject entry, string? mode = null) => new(
        [
            new HookSpec(HookEvents.UserPromptSubmit, null, WiringDefaults.UserPromptSubmitExe,
                command(WiringDefaults.UserPromptSubmitExe) + (mode is null ? "" : InstallArgument + mode), null),
            new HookSpec(HookEvents.PostToolUse, WiringDefaults.PostToolUseMatcher, WiringDefaults.PostToolUseExe, command(WiringDefaults.PostToolUseExe),
                WiringDefaults.PostToolUseTimeoutSeconds),
        ],
        entry);

    private static JsonObject ParseEntry(string json) => (JsonObject)JsonNode.Parse(json)!;

    private static string Quote(string path) => "\"" + path + "\"";
}
