using System.CommandLine;
using DistributedModel.Cli.Install;

namespace DistributedModel.Cli.Commands;

/// <summary><c>dm install</c> and <c>dm uninstall</c>.</summary>
public static class InstallCommands
{
    public static Option<string> RepoOption() => new("--repo")
    {
        Description = "Repository to act on (default: the current directory).",
        DefaultValueFactory = _ => ".",
    };

    public static Command Install(CliEnvironment env)
    {
        var repo = RepoOption();
        var hooksFrom = new Option<string?>("--hooks-from")
        {
            Description = "Copy prebuilt binaries from DIR (PostToolUse, UserPromptSubmit, mcp/dm-mcp) instead of publishing them from the source tree.",
            HelpName = "DIR",
        };
        var gitignore = new Option<bool>("--gitignore")
        {
            Description = "Keep the binaries and logs out of git with entries in the repository's .gitignore (for teams who commit the wiring) " +
                "instead of .git/info/exclude (the default, which touches no tracked file).",
        };
        var cmd = new Command("install",
            "Publish the Native AOT hooks and the MCP server into <repo>/hooks/bin, merge our hooks into .claude/settings.json " +
            "and our server into .mcp.json (nothing else is touched; running it twice changes nothing), keep the binaries and logs out of git " +
            "(.git/info/exclude, or .gitignore with --gitignore), and start the 7-day validation window.")
        {
            repo, hooksFrom, gitignore,
        };
        cmd.SetAction((r, ct) => CliApp.Guard(env, () => new RepoInstaller(env).InstallAsync(r.GetValue(repo)!, r.GetValue(hooksFrom), ct, r.GetValue(gitignore))));
        return cmd;
    }

    public static Command Uninstall(CliEnvironment env)
    {
        var repo = RepoOption();
        var global = new Option<bool>("--global") { Description = "Remove the user-global setup made by `dm promote` instead (~/.claude/settings.json, ~/.claude.json, ~/.claude/dm/bin)." };
        var purge = new Option<bool>("--purge") { Description = "Also delete the logs: .claude/hooks.log and .claude/dm/ (ledger, raw outputs)." };
        var cmd = new Command("uninstall",
            "Remove exactly what install (or, with --global, promote) added: our hook entries, our MCP server entry, our binaries. " +
            "Files end up byte-identical to before install. Logs are kept unless --purge.")
        {
            repo, global, purge,
        };
        cmd.SetAction((r, ct) => CliApp.Guard(env, () => r.GetValue(global)
            ? new UserScopeInstaller(env).UninstallAsync()
            : new RepoInstaller(env).UninstallAsync(r.GetValue(repo)!, r.GetValue(purge))));
        return cmd;
    }
}
