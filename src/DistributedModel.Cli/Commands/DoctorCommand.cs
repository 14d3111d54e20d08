using System.CommandLine;
using DistributedModel.Cli.Doctor;
using DistributedModel.Cli.Install;

namespace DistributedModel.Cli.Commands;

/// <summary><c>dm doctor</c>.</summary>
public static class DoctorCommand
{
    public static Command Create(CliEnvironment env)
    {
        var repo = InstallCommands.RepoOption();
        var cmd = new Command("doctor",
            "Check the setup: hook binaries present and executable and each run once on a sample (in a scratch workspace: the hooks must compress/route it, the MCP server must answer initialize and tools/list), settings.json and .mcp.json wired, the status line (wired or not; its binary run once when there is one), provider keys present (never printed), " +
            "providers reachable (short timeout), the codex dispatch runs (dispatch.codexPath in ~/.claude/dm.json, else PATH), ollama on PATH, disk use of .claude/dm/. Exit 1 if any check fails (warnings do not fail).")
        {
            repo,
        };
        cmd.SetAction((r, ct) => CliApp.Guard(env, async () =>
        {
            var root = env.ResolveRepository(r.GetValue(repo));
            var results = await new DoctorChecks(env, new RepoLayout(root)).RunAsync(ct);
            foreach (var c in results)
                await env.Out.WriteLineAsync($"{(c.Level switch { CheckLevel.Ok => "ok  ", CheckLevel.Warn => "warn", _ => "FAIL" })}  {c.Name}: {c.Detail}");
            int fails = results.Count(c => c.Level == CheckLevel.Fail), warns = results.Count(c => c.Level == CheckLevel.Warn);
            await env.Out.WriteLineAsync($"{results.Count} checks: {fails} failed, {warns} warning(s).");
            return fails == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
        }));
        return cmd;
    }
}
