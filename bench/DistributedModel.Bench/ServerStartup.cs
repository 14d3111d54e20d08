using System.Diagnostics;
using System.Text;
using DistributedModel.Testing;
using DistributedModel.Testing.Processes;
using DistributedModel.Core.Processes;

namespace DistributedModel.Bench;

/// <summary>
/// Start-up of the published MCP server (Native AOT, as <c>dm install</c> publishes it): process start
/// to the <c>initialize</c> answer and to the <c>tools/list</c> answer over stdio. Claude Code waits for this before a
/// session's first model request (the entry is <c>alwaysLoad</c>).
/// </summary>
internal static class ServerStartup
{
    public static async Task RunAsync(int runs)
    {
        Console.WriteLine("\n## MCP server start-up (dm-mcp over stdio)\n");
        string exe;
        try { exe = Path.Combine(await DotnetPublisher.PublishAsync("src/DistributedModel.Mcp", aot: true), "dm-mcp"); }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("dm-mcp could not be published; skipping: " + e.Message.Split('\n')[0]);
            return;
        }
        using var work = new TempDirectory("dm-bench-mcp");
        var init = new List<double>();
        var list = new List<double>();
        for (int i = 0; i < runs + 1; i++)
        {
            var (a, b) = await OnceAsync(exe, work.Path);
            if (i == 0) continue; // the first run warms the page cache
            init.Add(a);
            list.Add(b);
        }
        init.Sort();
        list.Sort();
        Console.WriteLine($"| {"answer",-12} | {"p50 ms",7} | {"p95 ms",7} | {"max ms",7} |");
        Console.WriteLine($"|{new string('-', 14)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 9)}|");
        foreach (var (name, t) in new[] { ("initialize", init), ("tools/list", list) })
            Console.WriteLine($"| {name,-12} | {HookLatency.Pct(t, 0.5),7:F0} | {HookLatency.Pct(t, 0.95),7:F0} | {t[^1],7:F0} |");
        Console.WriteLine($"\n{runs} starts; time from process start, on this machine.");
    }

    private static async Task<(double Init, double List)> OnceAsync(string exe, string workspace)
    {
        var sw = Stopwatch.StartNew();
        await using var p = DistributedModel.Core.Processes.ProcessRunner.Start(new ProcessSpec(exe) { Arguments = ["--workspace", workspace] }, out var error)
            ?? throw new InvalidOperationException($"could not start {exe}: {error}");
        await p.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}""");
        await p.StandardInput.FlushAsync();
        await ReadUntilAsync(p, "\"id\":1");
        double init = sw.Elapsed.TotalMilliseconds;
        await p.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        await p.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/list"}""");
        await p.StandardInput.FlushAsync();
        await ReadUntilAsync(p, "\"id\":2");
        double list = sw.Elapsed.TotalMilliseconds;
        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromSeconds(10))) p.Kill();
        return (init, list);
    }

    private static async Task ReadUntilAsync(RunningProcess p, string marker)
    {
        while (await p.StandardOutput.ReadLineAsync() is { } line)
            if (line.Contains(marker, StringComparison.Ordinal)) return;
        throw new InvalidOperationException("dm-mcp closed its output before answering");
    }
}
