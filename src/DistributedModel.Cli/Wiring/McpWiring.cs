using System.Text.Json.Nodes;

namespace DistributedModel.Cli.Wiring;

/// <summary>Adds and removes our server under <c>mcpServers</c> (in <c>.mcp.json</c> or <c>~/.claude.json</c>), nothing else.</summary>
public static class McpWiring
{
    public static bool Add(JsonObject config, WiringPlan plan, string path)
    {
        var servers = SettingsWiring.ObjectProperty(config, "mcpServers", path);
        if (servers[WiringPlan.McpServerName] is JsonNode existing && JsonNode.DeepEquals(existing, plan.McpEntry)) return false;
        servers[WiringPlan.McpServerName] = plan.McpEntry.DeepClone();
        return true;
    }

    public static bool Remove(JsonObject config, JsonObject? original)
    {
        if (config["mcpServers"] is not JsonObject servers || !servers.ContainsKey(WiringPlan.McpServerName)) return false;
        servers.Remove(WiringPlan.McpServerName);
        // The user had their own entry under our name before install: give it back.
        if (original?["mcpServers"]?[WiringPlan.McpServerName] is JsonNode theirs)
        {
            servers[WiringPlan.McpServerName] = theirs.DeepClone();
            return true;
        }
        if (servers.Count == 0 && original?["mcpServers"] is null) config.Remove("mcpServers");
        return true;
    }

    public static bool IsWired(JsonObject? config, WiringPlan plan) =>
        config?["mcpServers"]?[WiringPlan.McpServerName] is JsonNode n && JsonNode.DeepEquals(n, plan.McpEntry);
}
