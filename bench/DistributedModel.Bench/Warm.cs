using System.Diagnostics;

namespace DistributedModel.Bench;

/// <summary>
/// Runs code until the JIT has tiered it up, so in-process timings show optimised code (as the AOT hook runs it),
/// not tier-0 code: a few rounds of calls, each followed by a pause for the background tier-1 compiler.
/// </summary>
internal static class Warm
{
    public static void Up(Action action, double secondsPerRound = 0.3, int rounds = 3)
    {
        for (int r = 0; r < rounds; r++)
        {
            var sw = Stopwatch.StartNew();
            int calls = 0;
            while (calls < 35 || sw.Elapsed.TotalSeconds < secondsPerRound) { action(); calls++; }
            Thread.Sleep(150);
        }
    }
}
