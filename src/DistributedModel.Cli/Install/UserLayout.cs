namespace DistributedModel.Cli.Install;

/// <summary>Where <c>dm promote</c> puts things in the user's home.</summary>
public sealed class UserLayout(string home)
{
    public string Home { get; } = Path.GetFullPath(home);
    public string ClaudeDir => Path.Combine(Home, ".claude");
    public string SettingsFile => Path.Combine(ClaudeDir, "settings.json");

    /// <summary>Claude Code's user-scope MCP servers live under <c>mcpServers</c> in <c>~/.claude.json</c>.</summary>
    public string ClaudeJson => Path.Combine(Home, ".claude.json");

    public string DmDir => Path.Combine(ClaudeDir, "dm");
    public string BinDir => Path.Combine(DmDir, "bin");
    public string StateFile => Path.Combine(DmDir, "promote.json");

    public static string BackupPath(string file, DateTimeOffset now) => $"{file}.dm-backup-{now:yyyyMMdd'T'HHmmss'Z'}";
}
