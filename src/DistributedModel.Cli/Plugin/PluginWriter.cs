using System.Text.Json.Nodes;
using DistributedModel.Cli.Install;
using DistributedModel.Cli.Json;
using DistributedModel.Cli.Wiring;

namespace DistributedModel.Cli.Plugin;

/// <summary>
/// Writes a Claude Code plugin directory: <c>.claude-plugin/plugin.json</c> (manifest), <c>hooks/hooks.json</c> (our two hooks),
/// <c>.mcp.json</c> (our server) and <c>bin/</c> (the binaries), with paths under <c>${CLAUDE_PLUGIN_ROOT}</c>.
/// Plus <c>.claude-plugin/marketplace.json</c>, so the directory is also a one-plugin marketplace:
/// <c>claude plugin marketplace add DIR</c>, then <c>claude plugin install distributed-model@distributed-model</c>.
/// </summary>
public static class PluginWriter
{
    public const string PluginName = "distributed-model";
    public const string Version = "0.1.0";
    public const string Description =
        "Claude Code as an orchestrator: deterministic tool-output compression (PostToolUse), specialist-lane routing hints " +
        "(UserPromptSubmit) and an MCP server with summarize/scaffold/consult/tribunal/dispatch tools.";

    public static IReadOnlyList<string> Write(string outDir, string binariesDir)
    {
        BinaryLayout.Validate(binariesDir, "binaries directory");
        Directory.CreateDirectory(outDir);
        var plan = WiringPlan.ForPlugin();
        var written = new List<string>();
        void Put(string rel, JsonObject obj)
        {
            JsonFile.WriteObject(Path.Combine(outDir, rel), obj);
            written.Add(rel);
        }

        Put(".claude-plugin/plugin.json", Manifest());
        Put(".claude-plugin/marketplace.json", Marketplace());
        var events = new JsonObject();
        foreach (var spec in plan.Hooks)
            events[spec.Event] = new JsonArray(WiringPlan.Group(spec));
        Put("hooks/hooks.json", new JsonObject { ["hooks"] = events });
        Put(".mcp.json", new JsonObject { ["mcpServers"] = new JsonObject { [WiringPlan.McpServerName] = plan.McpEntry.DeepClone() } });

        BinaryInstaller.CopyInto(binariesDir, Path.Combine(outDir, "bin"));
        written.Add("bin/");
        return written;
    }

    public static JsonObject Manifest() => new()
    {
        ["name"] = PluginName,
        ["version"] = Version,
        ["description"] = Description,
        ["author"] = new JsonObject { ["name"] = "Distributed Model maintainers" },
        ["license"] = "MIT",
        ["keywords"] = new JsonArray("orchestrator", "compression", "mcp", "hooks", "cost"),
    };

    public static JsonObject Marketplace() => new()
    {
        ["name"] = PluginName,
        ["owner"] = new JsonObject { ["name"] = "Distributed Model maintainers" },
        ["metadata"] = new JsonObject { ["description"] = "The Distributed Model plugin: hooks and MCP server in one install.", ["version"] = Version },
        ["plugins"] = new JsonArray(new JsonObject
        {
            ["name"] = PluginName,
            ["source"] = "./",
            ["description"] = Description,
            ["version"] = Version,
        }),
    };
}
