using System.Diagnostics;
using DistributedModel.Bench;
using DistributedModel.Compression;
using DistributedModel.Testing.Samples;

// Benchmark (not a test): byte reduction on realistic samples and on the real corpus, in-process cost, and whole-process
// hook latency next to a bare Native-AOT program reading the same stdin.
// Usage: dotnet run -c Release --project bench/DistributedModel.Bench [-- --quick] [--runs N] [--only SECTION]
// SECTION: samples, corpus, routing, hooks, server, providers (default: all).
bool quick = args.Contains("--quick");
int runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(quick ? 30 : 60);
string? only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
bool Section(string name) => only is null || only == name;

if (Section("samples")) Samples();
if (Section("corpus")) RealCorpus.Run(quick);
if (Section("routing")) RoutingTable.Run();
if (Section("hooks")) await HookLatency.RunAsync(runs);
if (Section("server")) await ServerStartup.RunAsync(quick ? 8 : 20);
if (Section("providers")) await ProviderOverhead.RunAsync(quick ? 300 : 2000);

void Samples()
{
    Console.WriteLine("## Compression on realistic samples\n");
    Console.WriteLine($"| {"sample",-18} | {"in",9} | {"out",8} | {"reduction",9} | {"must-keep kept",14} | {"µs/op",8} |");
    Console.WriteLine($"|{new string('-', 20)}|{new string('-', 11)}|{new string('-', 10)}|{new string('-', 11)}|{new string('-', 16)}|{new string('-', 10)}|");
    var reductions = new List<double>();
    foreach (var s in SampleOutputs.All())
    {
        var options = new CompressionOptions { FullOutputPath = ".claude/dm/raw/sample.log" };
        var r = OutputCompressor.Compress(s.Text, options);
        var outLines = r.Text.Split('\n');
        int kept = s.MustSurvive.Count(m => outLines.Any(l => l == m || l.StartsWith(m + "  [×", StringComparison.Ordinal)));
        int iterations = quick ? 20 : 200;
        Warm.Up(() => OutputCompressor.Compress(s.Text, options), quick ? 0.2 : 0.5);
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++) OutputCompressor.Compress(s.Text, options);
        double us = sw.Elapsed.TotalMicroseconds / iterations;
        if (s.Name != "grep-rn") reductions.Add(r.Reduction);
        Console.WriteLine($"| {s.Name,-18} | {r.InputBytes,9:N0} | {r.OutputBytes,8:N0} | {r.Reduction,9:P1} | {kept,6}/{s.MustSurvive.Count,-7} | {us,8:N0} |");
    }
    reductions.Sort();
    Console.WriteLine($"\nMedian reduction on logs/build/test output (grep excluded: every line is a file:line reference): {reductions[reductions.Count / 2]:P1}\n");
}
