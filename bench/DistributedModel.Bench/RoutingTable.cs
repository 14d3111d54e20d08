using System.Diagnostics;
using DistributedModel.Core.Workspace;
using DistributedModel.Hooks.Routing;
using DistributedModel.Testing;
using DistributedModel.Testing.Routing;

namespace DistributedModel.Bench;

/// <summary>
/// Precision and recall of the default routing rules per lane on the labelled corpus
/// (<c>tests/DistributedModel.Testing/Routing/corpus</c>: the tuning set and the held-out set never tuned on), each prompt
/// decided by the hook's own code in a workspace holding the files its line lists (so the file checks run), with the
/// in-process decision time per prompt. Every miss is printed: they are the kinds of prompts that still go unrouted.
/// </summary>
internal static class RoutingTable
{
    public static void Run()
    {
        Console.WriteLine("## Routing (UserPromptSubmit hint) on the labelled corpus\n");
        using var work = new TempDirectory("dm-bench-routing");
        foreach (var (name, prompts) in new[] { ("tuning", RoutingCorpus.Tuning()), ("held out", RoutingCorpus.Holdout()) })
        {
            var workspaces = RoutingCorpus.Materialize(prompts, work.Combine(name.Replace(' ', '-')));
            var times = new List<double>(prompts.Count);
            var score = RoutingScore.Measure(prompts, workspaces, (prompt, ws) =>
            {
                long start = Stopwatch.GetTimestamp();
                var lanes = UserPromptSubmitHook.Decide(prompt, new WorkspacePaths(ws)).Decision.Lanes;
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                return lanes;
            });
            times.Sort();
            Console.WriteLine(score.Table($"{name} corpus, {prompts.Count} prompts (targets: recall ≥ 90 %, false positives ≤ 3 %)"));
            Console.WriteLine($"decision in process (JIT, incl. file checks): p50 {HookLatency.Pct(times, 0.5):F3} ms, p95 {HookLatency.Pct(times, 0.95):F3} ms");
            foreach (var (p, got) in score.Misses)
                Console.WriteLine($"  miss (line {p.Line}): expected {p.Lane}, got [{string.Join(',', got)}]: {p.Prompt}");
            Console.WriteLine();
        }
    }
}
