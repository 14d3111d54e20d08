using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DistributedModel.Compression;
using DistributedModel.Testing;
using DistributedModel.Testing.Corpus;
using DistributedModel.Testing.Processes;
using DistributedModel.Testing.Samples;
using DistributedModel.Core.Statistics;

namespace DistributedModel.Bench;

/// <summary>
/// Whole-process latency of the published AOT PostToolUse hook on 200 KB Bash outputs (a noisy build, a real detailed
/// <c>dotnet build</c>, a real service log), next to <c>bench/DistributedModel.Bench.StdinFloor</c> — a bare Native-AOT
/// program that reads the same stdin and exits, the physical floor of a process here — and to the in-process (warm,
/// JIT) cost of compressing each output, so start-up and cold-memory costs stand out.
/// </summary>
internal static class HookLatency
{
    private const int InputBytes = 200 * 1024;

    public static async Task RunAsync(int runs)
    {
        Console.WriteLine("## PostToolUse whole-process latency, 200 KB Bash outputs\n");
        string exe, floor;
        try
        {
            exe = Path.Combine(await DotnetPublisher.PublishAsync("src/DistributedModel.Hooks.PostToolUse", aot: true), "PostToolUse");
            floor = Path.Combine(await DotnetPublisher.PublishAsync("bench/DistributedModel.Bench.StdinFloor", aot: true), "StdinFloor");
            if (!File.Exists(exe)) throw new FileNotFoundException(exe);
            if (!File.Exists(floor)) throw new FileNotFoundException(floor);
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException)
        {
            Console.WriteLine("The hook or the floor program could not be published; skipping process latency: " + e.Message.Split('\n')[0]);
            return;
        }

        using var work = new TempDirectory("dm-bench");
        var env = new Dictionary<string, string?> { ["CLAUDE_PROJECT_DIR"] = work.Path };
        var outputs = new (string Name, string Text)[]
        {
            ("noisy build", SampleOutputs.NoisyBuildLog(InputBytes, 4).Text),
            ("dotnet build -v:d", Head(RealOutputs.Load("dotnet-build-detailed"))),
            ("openstack log", Head(RealOutputs.Load("loghub-openstack"))),
        };
        Console.WriteLine($"{runs} runs each; ratio = hook p50 / floor p50 (target ≤ 2×), hook p95 target < 50 ms\n");
        Console.WriteLine($"| {"output",-18} | {"floor p50",9} | {"hook p50",8} | {"hook p95",8} | {"ratio",5} | {"Compress()",10} |");
        Console.WriteLine($"|{new string('-', 20)}|{new string('-', 11)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 7)}|{new string('-', 12)}|");
        foreach (var (name, text) in outputs)
        {
            var input = HookInput(work.Path, text);
            var floorTimes = await TimeAsync(floor, [], input, env, runs);
            var hook = await TimeAsync(exe, [], input, env, runs);
            var inProcess = TimeCompress(text, Path.Combine(work.Path, ".claude", "dm", "raw", "bench.txt"), Math.Max(runs, 30));
            Console.WriteLine($"| {name,-18} | {Pct(floorTimes, 0.5),9:F2} | {Pct(hook, 0.5),8:F2} | {Pct(hook, 0.95),8:F2} | {Pct(hook, 0.5) / Pct(floorTimes, 0.5),4:F1}× | {Pct(inProcess, 0.5),10:F2} |");
        }
        var promptHook = await TimeUserPromptSubmitAsync(work.Path, env, runs);
        if (promptHook is not null)
            Console.WriteLine($"\nUserPromptSubmit (AOT, default rules, a prompt naming a 200 KB log and a missing file: two file checks, hint names the log): p50 {Pct(promptHook, 0.5):F2} ms, p95 {Pct(promptHook, 0.95):F2} ms");
        Console.WriteLine("Compress() = OutputCompressor.Compress of the same output in this (JIT, warm) process: the hook's compression");
        Console.WriteLine("work without process start, JSON parse/print, raw-store write and cold-memory page faults. Times in ms.\n");
    }

    /// <summary>The first 200 KB of a real output, cut at a line end.</summary>
    private static string Head(string text) => text.Length <= InputBytes ? text : text[..(text.LastIndexOf('\n', InputBytes) + 1)];

    private static string HookInput(string cwd, string stdout) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["session_id"] = "bench", ["cwd"] = cwd, ["hook_event_name"] = "PostToolUse", ["tool_name"] = "Bash",
        ["tool_input"] = new Dictionary<string, string> { ["command"] = "make" },
        ["tool_response"] = new Dictionary<string, object> { ["stdout"] = stdout, ["stderr"] = "", ["interrupted"] = false, ["isImage"] = false },
    });

    private static async Task<List<double>?> TimeUserPromptSubmitAsync(string workspace, Dictionary<string, string?> env, int runs)
    {
        string exe;
        try { exe = Path.Combine(await DotnetPublisher.PublishAsync("src/DistributedModel.Hooks.UserPromptSubmit", aot: true), "UserPromptSubmit"); }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("UserPromptSubmit could not be published; skipping it: " + e.Message.Split('\n')[0]);
            return null;
        }
        // The prompt names a file that exists: the hook stats it (the file checks) and names it in the hint.
        var log = Path.Combine(workspace, "artifacts", "build.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        await File.WriteAllTextAsync(log, Head(RealOutputs.Load("dotnet-build-detailed")));
        var input = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["session_id"] = "bench", ["cwd"] = workspace, ["hook_event_name"] = "UserPromptSubmit",
            ["prompt"] = "the build broke again, can you look at artifacts/build.log and src/missing.cs and tell me what failed",
        });
        var check = await ProcessRunner.RunAsync(exe, [], stdin: input, environment: env, timeout: TimeSpan.FromSeconds(30));
        if (!check.StdOut.Contains("artifacts/build.log", StringComparison.Ordinal))
            throw new InvalidOperationException("the UserPromptSubmit hint did not name the bulky file: " + check);
        return await TimeAsync(exe, [], input, env, runs);
    }

    private static async Task<List<double>> TimeAsync(string exe, string[] args, string? stdin, Dictionary<string, string?> env, int runs)
    {
        var times = new List<double>();
        for (int i = 0; i < runs + 3; i++)
        {
            var sw = Stopwatch.StartNew();
            var r = await ProcessRunner.RunAsync(exe, args, stdin: stdin, environment: env, timeout: TimeSpan.FromSeconds(30));
            sw.Stop();
            if (r.ExitCode != 0) throw new InvalidOperationException($"{exe} failed: {r}");
            if (i >= 3) times.Add(sw.Elapsed.TotalMilliseconds); // first runs warm the page cache
        }
        times.Sort();
        return times;
    }

    private static List<double> TimeCompress(string text, string fullOutputPath, int runs)
    {
        var options = new CompressionOptions { FullOutputPath = fullOutputPath };
        Warm.Up(() => OutputCompressor.Compress(text, options));
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            OutputCompressor.Compress(text, options);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    internal static double Pct(List<double> sorted, double p) => Percentile.NearestRank(sorted, p * 100);

}
