using DistributedModel.Cli.Json;

namespace DistributedModel.Cli.Wiring;

/// <summary>Removes our wiring from a settings file and an MCP config file (a repo's, or the user's) as one step.</summary>
public static class WiringFiles
{
    /// <summary>
    /// Loads both files first (a malformed one throws before anything is written), removes our hooks and server, and
    /// writes each back — the original bytes when nothing else changed since <paramref name="settingsBefore"/>/<paramref name="mcpBefore"/>.
    /// <paramref name="backupPath"/> names a backup for a file about to be rewritten (null: none).
    /// </summary>
    public static (bool Settings, bool Mcp) Remove(WiringPlan plan, string settingsPath, FileSnapshot? settingsBefore,
        string mcpPath, FileSnapshot? mcpBefore, Func<string, FileSnapshot?, string?>? backupPath = null)
    {
        var settings = JsonEdit.Load(settingsPath);
        var mcp = JsonEdit.Load(mcpPath);
        settings.Apply(o => SettingsWiring.Remove(o, plan, JsonEdit.Parse(settingsBefore, settingsPath)));
        mcp.Apply(o => McpWiring.Remove(o, JsonEdit.Parse(mcpBefore, mcpPath)));
        bool wroteSettings = settings.Save(settingsBefore, settings.Changed ? backupPath?.Invoke(settingsPath, settingsBefore) : null);
        bool wroteMcp = mcp.Save(mcpBefore, mcp.Changed ? backupPath?.Invoke(mcpPath, mcpBefore) : null);
        return (wroteSettings, wroteMcp);
    }
}
