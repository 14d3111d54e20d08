using System.Diagnostics;
using DistributedModel.Compression;
using DistributedModel.Testing.Corpus;

namespace DistributedModel.Bench;

/// <summary>
/// The compressor on every output of the real corpus (tests/DistributedModel.Testing/Corpus: real builds, tests, npm,
/// git, grep and sixteen public service logs) at the default budget: bytes in and out, templates found, kinds of failure
/// shown of those found (issue 27.5), the error and warning lines kept
/// of those found, the results over budget (must be 0) and the median reduction on outputs over 30 KB that are logs,
/// builds or tests (grep results and file lists excluded: every line of them is a hit).
/// </summary>
internal static class RealCorpus
{
    public static void Run(bool quick)
    {
        Console.WriteLine("## Compression on the real corpus (default 8 KB budget)\n");
        Console.WriteLine($"| {"output",-26} | {"in",9} | {"out",7} | {"reduction",9} | {"templates",9} | {"failure kinds shown",19} | {"errors kept",11} | {"warnings kept",13} | {"µs/op",7} |");
        Console.WriteLine($"|{new string('-', 28)}|{new string('-', 11)}|{new string('-', 9)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 21)}|{new string('-', 13)}|{new string('-', 15)}|{new string('-', 9)}|");
        var options = new CompressionOptions { FullOutputPath = ".claude/dm/raw/corpus.txt" };
        var reductions = new List<double>();
        int overBudget = 0;
        foreach (var name in RealOutputs.Names())
        {
            var text = RealOutputs.Load(name);
            var r = OutputCompressor.Compress(text, options);
            if (r.OutputBytes > options.BudgetBytes) overBudget++;
            if (r.InputBytes > 30 * 1024 && r.Kind is not (CompressionKind.Grep or CompressionKind.FileList)) reductions.Add(r.Reduction);
            int iterations = quick ? 5 : 30;
            OutputCompressor.Compress(text, options);
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < iterations; i++) OutputCompressor.Compress(text, options);
            double us = Stopwatch.GetElapsedTime(start).TotalMicroseconds / iterations;
            var kinds = r.FailureKinds > 0 ? $"{r.FailureKindsShown}/{r.FailureKinds}" : r.Kind == CompressionKind.Digest ? "0/0" : "–";
            var templates = r.Templates > 0 ? r.Templates.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "–";
            Console.WriteLine($"| {name,-26} | {r.InputBytes,9:N0} | {r.OutputBytes,7:N0} | {r.Reduction,9:P1} | {templates,9} | {kinds,19} | {r.KeptErrors,5}/{r.ErrorLines,-5} | {r.KeptWarnings,6}/{r.WarningLines,-6} | {us,7:N0} |");
        }
        reductions.Sort();
        Console.WriteLine($"\nOver budget: {overBudget} (target 0). Median reduction on logs/build/test outputs over 30 KB: " +
            $"{reductions[reductions.Count / 2]:P1} (target ≥ 90 %), {reductions.Count} outputs.");
        Console.WriteLine("templates = the engine's templates in a digested output; failure kinds shown = coarse clusters of its error, warning and failure-mention templates with a line in the result / all of them (– = not digested by severity: it fit, or grep/path list);");
        Console.WriteLine("errors/warnings kept = such lines in the result (each template once, with its count) / such lines the classifier counted in the input.\n");
    }
}
