using System.CommandLine;
using DistributedModel.Cli.Install;
using DistributedModel.Cli.Wiring;

namespace DistributedModel.Cli.Commands;

/// <summary><c>dm install</c> and <c>dm uninstall</c>.</summary>
public static class InstallCommands
{
    public static Option<string> RepoOption() => new("--repo")
    {
        Description = "Repository to act on (default: the current directory).",
        DefaultValueFactory = _ => ".",
    };

    public static Option<bool> StatusLineOption() => new("--statusline")
    {
        Description = "Also set Claude Code's statusLine to our status line binary (hooks/bin/StatusLine: bytes in/out today, errors surfaced, " +
            "specialist cost) — only when settings.json has no statusLine yet; a status line of your own is kept and install says so.",
    };

    public static Option<bool> ReplaceStatusLineOption() => new("--replace-statusline")
    {
        Description = "Like --statusline, but replace a statusLine of your own; its value is kept so uninstall puts it back exactly.",
    };

    /// <summary>What the two status line flags ask for (<c>--replace-statusline</c> implies <c>--statusline</c>).</summary>
    public static StatusLineMode StatusLine(ParseResult r, Option<bool> statusLine, Option<bool> replace) =>
        r.GetValue(replace) ? StatusLineMode.Replace : r.GetValue(statusLine) ? StatusLineMode.IfNone : StatusLineMode.Off;

    public static Command Install(CliEnvironment env)
    {
        var repo = RepoOption();
        var hooksFrom = new Option<string?>("--hooks-from")
        {
            Description = "Copy prebuilt binaries from DIR (PostToolUse, UserPromptSubmit, mcp/dm-mcp, and StatusLine with --statusline) instead of publishing them from the source tree.",
            HelpName = "DIR",
        };
        var gitignore = new Option<bool>("--gitignore")
        {
            Description = "Keep the binaries and logs out of git with entries in the repository's .gitignore (for teams who commit the wiring) " +
                "instead of .git/info/exclude (the default, which touches no tracked file).",
        };
        var statusLine = StatusLineOption();
        var replaceStatusLine = ReplaceStatusLineOption();
        var cmd = new Command("install",
            "Publish the Native AOT hooks and the MCP server into <repo>/hooks/bin, merge our hooks into .claude/settings.json " +
            "and our server into .mcp.json (nothing else is touched; running it twice changes nothing), keep the binaries and logs out of git " +
            "(.git/info/exclude, or .gitignore with --gitignore), and start the 7-day validation window. With --statusline also Claude Code's status line.")
        {
            repo, hooksFrom, gitignore, statusLine, replaceStatusLine,
        };
        cmd.SetAction((r, ct) => CliApp.Guard(env, () => new RepoInstaller(env).InstallAsync(r.GetValue(repo)!, r.GetValue(hooksFrom), ct, r.GetValue(gitignore),
            StatusLine(r, statusLine, replaceStatusLine))));
        return cmd;
    }

    public static Command Uninstall(CliEnvironment env)
    {
        var repo = RepoOption();
        var global = new Option<bool>("--global") { Description = "Remove the user-global setup made by `dm promote` instead (~/.claude/settings.json, ~/.claude.json, ~/.claude/dm/bin)." };
        var purge = new Option<bool>("--purge") { Description = "Also delete the logs: .claude/hooks.log and .claude/dm/ (ledger, raw outputs), and what dispatch left: its worktrees and dm/* branches." };
        var force = new Option<bool>("--force") { Description = "With --purge, also delete dm/* branches that have commits no other branch has (kept otherwise)." };
        var cmd = new Command("uninstall",
            "Remove exactly what install (or, with --global, promote) added: our hook entries, our MCP server entry, our status line " +
            "(a status line of yours that --replace-statusline replaced comes back), our binaries. " +
            "Files end up byte-identical to before install. Logs are kept unless --purge. Lists what dispatch left (worktrees, dm/* branches).")
        {
            repo, global, purge, force,
        };
        cmd.SetAction((r, ct) => CliApp.Guard(env, () => r.GetValue(global)
            ? new UserScopeInstaller(env).UninstallAsync()
            : new RepoInstaller(env).UninstallAsync(r.GetValue(repo)!, r.GetValue(purge), r.GetValue(force))));
        return cmd;
    }
}
