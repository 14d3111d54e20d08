using System.CommandLine;
using DistributedModel.Cli.Install;
using DistributedModel.Cli.Plugin;

namespace DistributedModel.Cli.Commands;

/// <summary><c>dm plugin</c>.</summary>
public static class PluginCommand
{
    public static Command Create(CliEnvironment env)
    {
        var outDir = new Option<string>("--out") { Description = "Directory to write the plugin into.", HelpName = "DIR", Required = true };
        var hooksFrom = new Option<string?>("--hooks-from")
        {
            Description = "Take the binaries from DIR (default: the repository's hooks/bin written by `dm install`).",
            HelpName = "DIR",
        };
        var repo = InstallCommands.RepoOption();
        var cmd = new Command("plugin",
            "Package the hooks and the MCP server as a Claude Code plugin (.claude-plugin/plugin.json, hooks/hooks.json, .mcp.json, bin/) " +
            "that is also a one-plugin marketplace: `claude plugin marketplace add DIR && claude plugin install distributed-model@distributed-model`.")
        {
            outDir, hooksFrom, repo,
        };
        cmd.SetAction((r, ct) => CliApp.Guard(env, async () =>
        {
            var source = r.GetValue(hooksFrom) is { } from
                ? env.ResolvePath(from)
                : new RepoLayout(env.ResolvePath(r.GetValue(repo)!)).HookDir;
            var target = env.ResolvePath(r.GetValue(outDir)!);
            var written = PluginWriter.Write(target, source);
            await env.Out.WriteLineAsync($"Plugin written to {target}: {string.Join(", ", written)}");
            await env.Out.WriteLineAsync($"Validate: claude plugin validate {target}");
            await env.Out.WriteLineAsync($"Install:  claude plugin marketplace add {target} && claude plugin install {PluginWriter.PluginName}@{PluginWriter.PluginName}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
