using DistributedModel.Core.Wiring;

namespace DistributedModel.Hooks.Routing;

/// <summary>
/// How the session names our MCP tools, by how Distributed Model was installed (verified with Claude Code 2.1.332): a project
/// <c>.mcp.json</c> server or a user-scope one (<c>dm promote</c>, <c>~/.claude.json</c>) gives <c>mcp__distributed-model__&lt;tool&gt;</c>,
/// the same server inside the plugin <c>distributed-model</c> gives <c>mcp__plugin_distributed-model_distributed-model__&lt;tool&gt;</c>.
/// The hook learns the mode from the <c>--install</c> argument the installer and <c>dm plugin</c> write into its command; never by guessing.
/// </summary>
public static class ToolNames
{
    public const string InstallArgument = "--install";
    public const string Repo = "repo";
    public const string User = "user";
    public const string Plugin = "plugin";

    /// <summary>Name of the plugin <c>dm plugin</c> writes (its manifest's <c>name</c>).</summary>
    public const string PluginName = "distributed-model";

    /// <summary>The prefix the default guidance is written with.</summary>
    public static readonly string RepoPrefix = "mcp__" + WiringDefaults.McpServerName + "__";

    public static string Prefix(string mode) => mode switch
    {
        Plugin => "mcp__plugin_" + PluginName + "_" + WiringDefaults.McpServerName + "__",
        _ => RepoPrefix,
    };

    /// <summary>The install mode from the hook's command-line arguments: <c>--install repo|user|plugin</c>; none means a repo install
    /// (the command <c>dm install</c> has always written). An unknown value is an error the hook logs (and then uses the repo form).</summary>
    public static string ModeFrom(IReadOnlyList<string> args, out string? problem)
    {
        problem = null;
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] != InstallArgument) continue;
            var value = i + 1 < args.Count ? args[i + 1] : "";
            if (value is Repo or User or Plugin) return value;
            problem = $"unknown {InstallArgument} value \"{(value.Length > 20 ? value[..20] : value)}\"";
        }
        return Repo;
    }

    /// <summary>The guidance with our repo-form tool names rewritten to the session's form.</summary>
    public static string Rewrite(string text, string mode) =>
        mode == Plugin ? text.Replace(RepoPrefix, Prefix(mode), StringComparison.Ordinal) : text;
}
