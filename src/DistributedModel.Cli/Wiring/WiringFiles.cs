using DistributedModel.Cli.Json;

namespace DistributedModel.Cli.Wiring;

/// <summary>Removes our wiring from a settings file and an MCP config file (a repo's, or the user's) as one step.</summary>
public static class WiringFiles
{
    /// <summary>
    /// Loads both files first (a malformed one throws before anything is written), removes our hooks and server, and
    /// writes each back — the original bytes when nothing else changed since <paramref name="settingsBefore"/>/<paramref name="mcpBefore"/>.
    /// <paramref name="backupPath"/> names a backup for a file about to be rewritten (null: none). Our status line
    /// (<see cref="WiringPlan.StatusLineCommand"/>) goes too, giving back what <paramref name="statusLine"/> kept; the
    /// third value is the line to print about it (null: there was none of ours and no record of one).
    /// </summary>
    public static (bool Settings, bool Mcp, string? StatusLine) Remove(WiringPlan plan, string settingsPath, FileSnapshot? settingsBefore,
        string mcpPath, FileSnapshot? mcpBefore, StatusLineRecord? statusLine, Func<string, FileSnapshot?, string?>? backupPath = null)
    {
        var settings = JsonEdit.Load(settingsPath);
        var mcp = JsonEdit.Load(mcpPath);
        string? statusNote = null;
        settings.Apply(o => SettingsWiring.Remove(o, plan, JsonEdit.Parse(settingsBefore, settingsPath)));
        settings.Apply(o =>
        {
            (bool changed, statusNote) = StatusLineWiring.Remove(o, plan.StatusLineCommand, statusLine);
            return changed;
        });
        mcp.Apply(o => McpWiring.Remove(o, JsonEdit.Parse(mcpBefore, mcpPath)));
        bool wroteSettings = settings.Save(settingsBefore, settings.Changed ? backupPath?.Invoke(settingsPath, settingsBefore) : null);
        bool wroteMcp = mcp.Save(mcpBefore, mcp.Changed ? backupPath?.Invoke(mcpPath, mcpBefore) : null);
        return (wroteSettings, wroteMcp, statusNote);
    }
}
