using System.CommandLine;
using DistributedModel.Cli.Commands;
using DistributedModel.Cli.Install;
using DistributedModel.Cli.Json;

namespace DistributedModel.Cli;

/// <summary>The <c>dm</c> command tree. <see cref="RunAsync"/> is what <c>Program</c> and the in-process tests call.</summary>
public static class CliApp
{
    public const string ExitCodesHelp =
        "Exit codes: 0 ok (report: promote; doctor: all checks pass), 1 check failed (report: iterate; doctor: a problem; " +
        "promote: review not passed; publish failed), 2 usage error or bad input (e.g. malformed JSON in a file dm would edit — the file is left untouched).";

    public static RootCommand Build(CliEnvironment env)
    {
        var root = new RootCommand(
            "dm — install, judge and remove Distributed Model (Claude Code hooks + MCP server) in a repository.\n" + ExitCodesHelp)
        {
            InstallCommands.Install(env),
            PromoteCommand.Create(env),
            InstallCommands.Uninstall(env),
            ReportCommand.Create(env),
            DiscoverCommand.Create(env),
            DoctorCommand.Create(env),
            PluginCommand.Create(env),
            AdrCommand.Create(env),
            DispatchCommand.Create(env),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(env);
        env = env.WithSafeTerminal(); // no control character from data reaches the user's terminal (issue 26.6)
        var root = Build(env);
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = env.Out, Error = env.Error };
        if (args.Length == 0)
        {
            // Bare `dm`: show the help, but as a usage error (no command was given).
            await root.Parse(["--help"]).InvokeAsync(config, ct);
            return ExitCodes.UsageOrBadInput;
        }
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) await env.Error.WriteLineAsync("error: " + e.Message);
            await env.Error.WriteLineAsync("Run `dm --help` (or `dm <command> --help`) for usage.");
            return ExitCodes.UsageOrBadInput;
        }
        return await parse.InvokeAsync(config, ct);
    }

    /// <summary>Maps our exceptions to exit codes with a clear one-line message on stderr.</summary>
    public static async Task<int> Guard(CliEnvironment env, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (JsonFileException ex)
        {
            await env.Error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.UsageOrBadInput;
        }
        catch (UsageException ex)
        {
            await env.Error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.UsageOrBadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await env.Error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.UsageOrBadInput;
        }
        catch (PublishException ex)
        {
            await env.Error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.CheckFailed;
        }
    }
}
