using System.CommandLine;
using DistributedModel.Cli.Install;

namespace DistributedModel.Cli.Commands;

/// <summary><c>dm promote</c>.</summary>
public static class PromoteCommand
{
    public static Command Create(CliEnvironment env)
    {
        var repo = InstallCommands.RepoOption();
        var force = new Option<bool>("--force") { Description = "Promote even though the day-7 review does not pass (prints a warning)." };
        var replaceStatusLine = new Option<bool>("--replace-statusline")
        {
            Description = "When the repository has our status line (dm install --statusline): replace a status line of your own in " +
                "~/.claude/settings.json (kept, so `dm uninstall --global` puts it back) instead of leaving it.",
        };
        var keepRepo = new Option<bool>("--keep-repo") { Description = "Leave the repository-level wiring in place (by default it is removed so hooks do not run twice)." };
        var cmd = new Command("promote",
            "After a passing day-7 review: copy the binaries to ~/.claude/dm/bin and wire them user-globally — hooks into " +
            "~/.claude/settings.json, the MCP server into ~/.claude.json (mcpServers, Claude Code's user scope), and the status line " +
            "when install wired it (only where you have none, unless --replace-statusline). " +
            "Each edited file is backed up as <file>.dm-backup-<time>. Refuses (exit 1) when the review does not pass, unless --force.")
        {
            repo, force, keepRepo, replaceStatusLine,
        };
        cmd.SetAction((r, ct) => CliApp.Guard(env, () => new UserScopeInstaller(env).PromoteAsync(r.GetValue(repo)!, r.GetValue(force), r.GetValue(keepRepo), ct, r.GetValue(replaceStatusLine))));
        return cmd;
    }
}
