using System.Globalization;
using DistributedModel.Cli.Report;
using DistributedModel.Core.Logging;

namespace DistributedModel.Cli.Discover;

/// <summary>The plain-text <c>dm discover</c> report: one block per session, then the total and how it was estimated.</summary>
public static class TextDiscoverWriter
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private const int MaxLargeOutputs = 5;

    public static void Write(DiscoverReport r, TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(o);
        o.WriteLine($"dm discover — {Plural(r.Sessions.Count, "session")} of {r.Scope}, last {r.Days} days (read-only; transcripts in {r.ProjectsDir})");
        foreach (var w in r.Warnings) o.WriteLine("warning: " + w);
        if (r.Sessions.Count == 0)
        {
            o.WriteLine("No Claude Code transcripts in the window. (Use --all for every project, --days to widen the window.)");
            return;
        }
        foreach (var s in r.Sessions) WriteSession(s, o);

        var replayed = r.Replayed;
        var withDm = r.WithDm;
        o.WriteLine();
        o.WriteLine("Total");
        o.WriteLine($"  sessions       {replayed.Count} without dm (replayed), {withDm.Count} with dm (read back, not replayed)");
        if (withDm.Count > 1) DmRunText.Write(r.Dm, o);
        if (replayed.Count == 0) return;
        if (withDm.Count > 0) o.WriteLine($"  replayed       {DmRunText.Plural(replayed.Count, "session")} without dm, had it been wired:");
        if (replayed.Count > 1) WriteNumbers(r.Results.ToList(), r.Previews, r.Surfaced, r.Lost, r.PromptsRouted, r.Prompts, r.LaneHits, o);
        long saved = r.ContextBefore - r.ContextAfter;
        long tokens = saved >= 0 ? DiscoverReport.Tokens(saved) : -DiscoverReport.Tokens(-saved);
        o.WriteLine($"  estimate       {ContextWords.Tokens(tokens)} ≈ {Format.Usd(r.Usd(Math.Abs(saved)))}"
            + (saved < 0 ? $" (they show {ContextWords.Seen(r.SurfacedErrors, r.SurfacedWarnings, Unsplit(r.Surfaced, r.SurfacedErrors, r.SurfacedWarnings))} the previews hid)" : ""));
        o.WriteLine($"                 at the orchestrator's input price ({r.PriceName}: {Format.Usd(r.Price.Input)} per 1M input tokens);");
        o.WriteLine($"                 tokens ≈ UTF-8 bytes ÷ {DiscoverReport.BytesPerToken.ToString(C)} (Claude Code's own rough count), each result counted once —");
        o.WriteLine("                 every later turn re-sends the context, at the cached price when Claude Code's prompt cache hits.");
        var unknown = r.UnknownTypes;
        if (unknown.Count > 0 || r.UnreadableLines > 0)
            o.WriteLine("  transcripts    " + string.Join("; ", new[]
            {
                unknown.Count > 0 ? "unknown record types skipped: " + string.Join(", ", unknown.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} ×{kv.Value}")) : null,
                r.UnreadableLines > 0 ? $"{Plural(r.UnreadableLines, "unreadable line")} skipped (e.g. a truncated last line)" : null,
            }.Where(x => x is not null)));
    }

    private static void WriteSession(SessionFindings s, TextWriter o)
    {
        var t = s.Transcript;
        o.WriteLine();
        var when = t.First is { } f ? f.ToString("yyyy-MM-dd HH:mm", C) + " UTC" : "undated";
        var first = t.Prompts.FirstOrDefault() is { } p ? "  \"" + Shorten(p, 60) + "\"" : "";
        o.WriteLine($"session {t.SessionId[..Math.Min(8, t.SessionId.Length)]}  {when}{first}");
        if (s.RanWithDm) DmRunText.Write(s.Dm, o);
        else WriteNumbers(s.Results, s.Previews, s.Surfaced, s.Lost, s.PromptsRouted, t.Prompts.Count, s.LaneHits, o);
        if (s.OtherToolResults > 0) o.WriteLine($"  other tools    {Plural(s.OtherToolResults, "result")} (Edit, Write, Task…; not compressed)");
        if (t.UnknownTypes.Count > 0 || t.UnreadableLines > 0 || t.OrphanResults > 0)
            o.WriteLine($"  skipped        {t.UnknownTypes.Values.Sum()} unknown-type record(s), {t.UnreadableLines} unreadable line(s), {t.OrphanResults} result(s) without their call");
    }

    private static void WriteNumbers(IReadOnlyList<ToolResultFinding> results, int previews, int surfaced, int lost,
        int routed, int prompts, Dictionary<string, int> lanes, TextWriter o)
    {
        var byTool = results.GroupBy(r => r.Call.Tool.StartsWith("mcp__", StringComparison.Ordinal) ? "MCP" : r.Call.Tool)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()} ({Format.Bytes(g.Sum(x => x.ContextBefore))})");
        o.WriteLine($"  tool results   {(results.Count == 0 ? "none" : string.Join(" · ", byTool))}");
        if (previews > 0) o.WriteLine($"                 {Plural(previews, "result")} over Claude Code's limit reached the model only as a 2 KB preview");
        WriteLargeOutputs(results, o);
        long before = results.Sum(r => r.ContextBefore), after = results.Sum(r => r.ContextAfter);
        int compressed = results.Count(r => r.Replay.Compressed);
        o.WriteLine($"  context        {ContextWords.Change(before, after)} with dm ({Format.Bytes(before)} → {Format.Bytes(after)}, {ContextWords.Percent(before, after)}; {compressed} of {results.Count} compressed)");
        int surfacedErrors = results.Sum(r => r.SurfacedErrors), surfacedWarnings = results.Sum(r => r.SurfacedWarnings);
        int unsplit = Unsplit(surfaced, surfacedErrors, surfacedWarnings);
        if (ContextWords.Bought(before, after, surfacedErrors, surfacedWarnings, unsplit) is { } bought) o.WriteLine("                 " + bought);
        int errors = results.Where(r => r.Replay.Compressed).Sum(r => r.Replay.KeptErrors), warnings = results.Where(r => r.Replay.Compressed).Sum(r => r.Replay.KeptWarnings);
        if (surfaced > 0 || lost > 0 || errors > 0 || warnings > 0)
        {
            var line = $"  model sees     {ContextWords.Seen(surfacedErrors, surfacedWarnings, unsplit)} the 2 KB previews hid, shown by dm ({ContextWords.Seen(errors, warnings)} kept in what it compressed)";
            if (lost > 0) line += $"; {lost} not kept (a compression loss)";
            o.WriteLine(line);
        }
        o.WriteLine(routed == 0
            ? $"  routing        no hint ({Plural(prompts, "prompt")})"
            : $"  routing        hint on {routed} of {Plural(prompts, "prompt")}: " + string.Join(", ", lanes.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}")));
    }

    /// <summary>Each output larger than the 2 KB preview: its raw size, what reached the model, what dm would have sent.</summary>
    private static void WriteLargeOutputs(IReadOnlyList<ToolResultFinding> results, TextWriter o)
    {
        var large = results.Where(r => r.Replay.Ran && r.Replay.InputBytes > NativeContext.PreviewChars).OrderByDescending(r => r.Replay.InputBytes).ToList();
        for (int i = 0; i < Math.Min(large.Count, MaxLargeOutputs); i++)
        {
            var r = large[i];
            o.WriteLine($"{(i == 0 ? "  large outputs  " : "                 ")}{r.Call.Tool} {Format.Bytes(r.Replay.InputBytes)} raw: {Format.Bytes(r.ContextBefore)} {(r.WasPreview ? "preview" : "whole")} → {Format.Bytes(r.ContextAfter)} with dm");
        }
        if (large.Count > MaxLargeOutputs) o.WriteLine($"                 … and {large.Count - MaxLargeOutputs} more");
    }

    private static int Unsplit(int surfaced, int errors, int warnings) => Math.Max(0, surfaced - errors - warnings);

    private static string Plural(int n, string word) => $"{n.ToString("N0", C)} {word}{(n == 1 ? "" : "s")}";

    private static string Shorten(string s, int max)
    {
        var one = string.Join(' ', s.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return one.Length <= max ? one : one[..(max - 1)] + "…";
    }
}
