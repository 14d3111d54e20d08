using System.Globalization;
using DistributedModel.Cli.Report;

namespace DistributedModel.Cli.Discover;

/// <summary>The text lines of what dm did in sessions that ran with it (one session, or the total of them).</summary>
public static class DmRunText
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Write(DmRun run, TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(o);
        var calls = run.Calls;
        var byTool = calls.GroupBy(c => ToolGroup(c.Call.Tool))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");
        o.WriteLine($"  ran with dm    {string.Join(" · ", byTool)} — {run.Logged} of {calls.Count} with their hooks.log line, {run.Digests} digest{(run.Digests == 1 ? "" : "s")} in the results");
        var digests = calls.Where(c => c.DigestShown).OrderByDescending(c => c.RawBytes ?? 0).ToList();
        for (int i = 0; i < digests.Count; i++)
        {
            var c = digests[i];
            o.WriteLine($"{(i == 0 ? "  large outputs  " : "                 ")}{c.Call.Tool} {(c.RawBytes is { } raw ? Format.Bytes(raw) + " raw" : "raw size unknown")} → {Format.Bytes(c.ContextBytes)} to the model"
                + (c.Logged is not null && c.NativeBytes is { } n ? $" (Claude Code alone: {Format.Bytes(n)})" : ""));
        }
        o.WriteLine($"  raw → model    {Format.Bytes(run.RawBytes)} raw → {Format.Bytes(run.ContextBytes)} to the model"
            + (run.RawKnown < calls.Count ? $" (raw size known for {run.RawKnown} of {calls.Count})" : ""));
        long unsplit = Math.Max(0, run.Surfaced - run.SurfacedErrors - run.SurfacedWarnings);
        if (run.Logged > 0)
        {
            long without = run.NativeBytes, with = run.ContextBytesWhereNativeKnown;
            o.WriteLine($"  context        {ContextWords.Change(without, with)} than Claude Code alone ({Format.Bytes(without)} → {Format.Bytes(with)}, {ContextWords.Percent(without, with)})"
                + (run.NativeUnknown > 0 ? $"; {run.NativeUnknown} digest(s) without a hooks.log line not compared" : ""));
            if (ContextWords.Bought(without, with, run.SurfacedErrors, run.SurfacedWarnings, unsplit) is { } bought) o.WriteLine("                 " + bought);
        }
        o.WriteLine(run.Logged == 0
            ? "  model sees     unknown: no hooks.log line for these calls (the digest headers count what they kept)"
            : $"  model sees     {ContextWords.Seen(run.SurfacedErrors, run.SurfacedWarnings, unsplit)} the 2 KB preview would have hidden, shown by dm");
    }

    private static string ToolGroup(string tool) => tool.StartsWith("mcp__", StringComparison.Ordinal) ? "MCP" : tool;

    /// <summary><c>1 session</c>, <c>2 sessions</c>.</summary>
    public static string Plural(int n, string word) => $"{n.ToString("N0", C)} {word}{(n == 1 ? "" : "s")}";
}
