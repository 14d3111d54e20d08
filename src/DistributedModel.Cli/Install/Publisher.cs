using System.Diagnostics;
using DistributedModel.Core.Processes;
using DistributedModel.Core.Wiring;

namespace DistributedModel.Cli.Install;

/// <summary>
/// Publishes the four Native AOT executables (the two hooks, the MCP server and the status line) from the source tree into one staging
/// directory in <see cref="BinaryLayout"/>, reporting progress (a publish takes tens of seconds). Only the executables
/// are copied: no .NET runtime, no libraries, no debug symbols.
/// </summary>
/// <param name="time">The clock of the heartbeat and of the <c>.published</c> stamp; default <see cref="TimeProvider.System"/>.</param>
public sealed class Publisher(string sourceRoot, TextWriter progress, TimeSpan? heartbeat = null, TimeProvider? time = null)
{
    private readonly TimeSpan _heartbeat = heartbeat ?? TimeSpan.FromSeconds(15);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private string Staging => Path.Combine(sourceRoot, "artifacts", "dm-install");
    private string Stamp => Path.Combine(Staging, ".published");

    /// <summary>
    /// True when the last publish is complete and newer than every source, project and props file under <c>src/</c>
    /// and the repository root: then publishing again is not needed.
    /// </summary>
    public bool IsUpToDate()
    {
        var bin = Path.Combine(Staging, "bin");
        if (!File.Exists(Stamp) || BinaryLayout.Executables.Any(r => !File.Exists(Path.Combine(bin, r)))) return false;
        var published = File.GetLastWriteTimeUtc(Stamp);
        var inputs = Directory.EnumerateFiles(Path.Combine(sourceRoot, "src"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(sourceRoot, "Directory.*.props"));
        return inputs.All(f => File.GetLastWriteTimeUtc(f) < published);
    }

    /// <summary>Publishes unless <see cref="IsUpToDate"/>; returns the staging binaries directory.</summary>
    public async Task<string> PublishIfNeededAsync(CancellationToken ct)
    {
        if (IsUpToDate())
        {
            await progress.WriteLineAsync("Published binaries are newer than every source file: not publishing again.");
            return Path.Combine(Staging, "bin");
        }
        var bin = await PublishAllAsync(ct);
        await File.WriteAllTextAsync(Stamp, _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture), ct);
        return bin;
    }

    public async Task<string> PublishAllAsync(CancellationToken ct)
    {
        var staging = Staging;
        var bin = Path.Combine(staging, "bin");
        if (File.Exists(Stamp)) File.Delete(Stamp);
        if (Directory.Exists(bin)) Directory.Delete(bin, recursive: true);
        Directory.CreateDirectory(bin);
        var rid = RuntimeIds.Current();

        var steps = new (string Project, string Exe, string Target)[]
        {
            ("DistributedModel.Hooks.PostToolUse", WiringDefaults.PostToolUseExe, WiringDefaults.PostToolUseExe),
            ("DistributedModel.Hooks.UserPromptSubmit", WiringDefaults.UserPromptSubmitExe, WiringDefaults.UserPromptSubmitExe),
            ("DistributedModel.Mcp", WiringDefaults.McpExe, BinaryLayout.McpExecutable),
            ("DistributedModel.StatusLine", WiringDefaults.StatusLineExe, BinaryLayout.StatusLineExecutable),
        };
        for (int i = 0; i < steps.Length; i++)
        {
            var (project, exe, target) = steps[i];
            var output = Path.Combine(staging, project);
            var args = new List<string> { "publish", Path.Combine(sourceRoot, "src", project), "-c", "Release", "-r", rid, "-o", output, "--nologo" };
            await progress.WriteLineAsync($"[{i + 1}/{steps.Length}] publishing {project} (Native AOT, {rid})…");
            var elapsed = await RunAsync(args, ct);
            await progress.WriteLineAsync($"      done in {elapsed.TotalSeconds:F0} s");

            var built = Path.Combine(output, exe);
            if (!File.Exists(built)) throw new PublishException($"publish of {project} produced no {exe} in {output}");
            var destination = Path.Combine(bin, target);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(built, destination, overwrite: true);
        }
        return bin;
    }

    private async Task<TimeSpan> RunAsync(List<string> args, CancellationToken ct)
    {
        var tail = new Queue<string>();
        void Keep(string line)
        {
            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > 40) tail.Dequeue();
            }
        }
        var spec = new ProcessSpec("dotnet")
        {
            Arguments = args, WorkingDirectory = sourceRoot,
            Environment = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
            TimeLimit = Timeout.InfiniteTimeSpan, // a cold AOT publish on a loaded machine takes minutes; the heartbeat shows it is alive
            StdoutLimitChars = 0, StderrLimitChars = 0, OnStdoutLine = Keep, OnStderrLine = Keep,
        };
        var sw = Stopwatch.StartNew();
        var run = ProcessRunner.RunAsync(spec, ct);
        while (await Task.WhenAny(run, Task.Delay(_heartbeat, _time, ct)) != run)
            await progress.WriteLineAsync($"      still publishing… {sw.Elapsed.TotalSeconds:F0} s");
        var outcome = await run;
        ct.ThrowIfCancellationRequested();
        if (!outcome.Started) throw new PublishException("could not start `dotnet`; is the .NET SDK on PATH?");
        if (outcome.ExitCode != 0)
        {
            string log;
            lock (tail) log = string.Join('\n', tail);
            throw new PublishException($"dotnet {string.Join(' ', args)} failed (exit {outcome.ExitCode}):\n{log}");
        }
        return sw.Elapsed;
    }
}
