using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DistributedModel.Compression;
using DistributedModel.Testing;
using DistributedModel.Testing.Processes;
using DistributedModel.Testing.Samples;

namespace DistributedModel.Bench;

/// <summary>
/// Whole-process latency of the published AOT PostToolUse hook on a 200 KB Bash output, next to <c>cat</c> of the same input
/// and to the in-process (warm, JIT) cost of compressing that output, so start-up and cold-memory costs stand out.
/// </summary>
internal static class HookLatency
{
    public static async Task RunAsync(int runs)
    {
        Console.WriteLine("## PostToolUse whole-process latency, 200 KB Bash output\n");
        string exe;
        try
        {
            var dir = await DotnetPublisher.PublishAsync("src/DistributedModel.Hooks.PostToolUse", aot: true);
            exe = Path.Combine(dir, "PostToolUse");
            if (!File.Exists(exe)) throw new FileNotFoundException(exe);
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException)
        {
            Console.WriteLine("PostToolUse could not be published; skipping process latency: " + e.Message.Split('\n')[0]);
            return;
        }

        using var work = new TempDirectory("dm-bench");
        var log = SampleOutputs.NoisyBuildLog(200 * 1024, 4).Text;
        var input = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["session_id"] = "bench", ["cwd"] = work.Path, ["hook_event_name"] = "PostToolUse", ["tool_name"] = "Bash",
            ["tool_input"] = new Dictionary<string, string> { ["command"] = "make" },
            ["tool_response"] = new Dictionary<string, object> { ["stdout"] = log, ["stderr"] = "", ["interrupted"] = false, ["isImage"] = false },
        });
        var inputFile = work.Write("input.json", input);
        var env = new Dictionary<string, string?> { ["CLAUDE_PROJECT_DIR"] = work.Path };

        var hook = await TimeAsync(exe, [], input, env, runs);
        var promptHook = await TimeUserPromptSubmitAsync(work.Path, env, runs);
        var cat = await TimeAsync("cat", [inputFile], null, env, runs);
        var inProcess = TimeCompress(log, Path.Combine(work.Path, ".claude", "dm", "raw", "bench.txt"), Math.Max(runs, 30));
        Console.WriteLine($"input {Encoding.UTF8.GetByteCount(input):N0} bytes, {runs} runs each\n");
        Console.WriteLine($"| {"process",-12} | {"p50 ms",7} | {"p95 ms",7} | {"max ms",7} |");
        Console.WriteLine($"|{new string('-', 14)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 9)}|");
        Print("PostToolUse", hook);
        if (promptHook is not null) Print("UserPrompt…", promptHook);
        Print("cat", cat);
        Print("Compress()", inProcess);
        Console.WriteLine($"\nPostToolUse p95 / cat p95 = {Pct(hook, 0.95) / Pct(cat, 0.95):F1}×  (targets: p95 < 10 ms, ≤ 3× cat)");
        Console.WriteLine("UserPrompt… = the UserPromptSubmit hook (AOT) routing a summarize prompt, default rules, no dm.json.");
        Console.WriteLine("Compress() = OutputCompressor.Compress of the same 200 KB stdout in this (JIT, warm) process: the hook's");
        Console.WriteLine("compression work without process start, JSON parse/print, raw-store write and cold-memory page faults.");
    }

    private static async Task<List<double>?> TimeUserPromptSubmitAsync(string workspace, Dictionary<string, string?> env, int runs)
    {
        string exe;
        try { exe = Path.Combine(await DotnetPublisher.PublishAsync("src/DistributedModel.Hooks.UserPromptSubmit", aot: true), "UserPromptSubmit"); }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("UserPromptSubmit could not be published; skipping it: " + e.Message.Split('\n')[0]);
            return null;
        }
        var input = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["session_id"] = "bench", ["cwd"] = workspace, ["hook_event_name"] = "UserPromptSubmit",
            ["prompt"] = "Please summarize the build log in artifacts/build.log and tell me what failed",
        });
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

    internal static double Pct(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static void Print(string name, List<double> t) =>
        Console.WriteLine($"| {name,-12} | {Pct(t, 0.5),7:F2} | {Pct(t, 0.95),7:F2} | {t[^1],7:F2} |");
}
