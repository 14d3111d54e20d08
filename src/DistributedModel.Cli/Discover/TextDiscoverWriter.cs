using System.Globalization;
using DistributedModel.Cli.Report;

namespace DistributedModel.Cli.Discover;

/// <summary>The plain-text <c>dm discover</c> report: one block per session, then the total and how it was estimated.</summary>
public static class TextDiscoverWriter
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

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
        o.WriteLine($"  sessions       {replayed.Count} without dm (replayed), {withDm.Count} with dm (read back: what dm did, not a replay)");
        if (withDm.Count > 0) DmRunText.Write(r.Dm, o);
        if (replayed.Count == 0) return;
        if (withDm.Count > 0) o.WriteLine($"  replayed       {DmRunText.Plural(replayed.Count, "session")} without dm, had it been wired:");
        if (replayed.Count > 1) WriteNumbers(r.Results.ToList(), r.Previews, r.Surfaced, r.Lost, r.PromptsRouted, r.Prompts, r.LaneHits, o);
        long saved = r.ContextBefore - r.ContextAfter;
        o.WriteLine(saved >= 0
            ? $"  estimate       ≈ {DiscoverReport.Tokens(saved).ToString("N0", C)} input tokens saved ≈ {Format.Usd(r.Usd(saved))}"
            : $"  estimate       ≈ {DiscoverReport.Tokens(-saved).ToString("N0", C)} more input tokens ≈ {Format.Usd(r.Usd(-saved))} (the errors the previews hid cost context)");
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
        long before = results.Sum(r => r.ContextBefore), after = results.Sum(r => r.ContextAfter);
        int compressed = results.Count(r => r.Replay.Compressed);
        o.WriteLine($"  into context   {Format.Bytes(before)} → {Format.Bytes(after)} with dm ({(before == 0 ? "n/a" : Format.Delta((double)after / before - 1))}; {compressed} of {results.Count} compressed)");
        int errors = results.Where(r => r.Replay.Compressed).Sum(r => r.Replay.KeptErrors), warnings = results.Where(r => r.Replay.Compressed).Sum(r => r.Replay.KeptWarnings);
        if (surfaced > 0 || lost > 0 || errors > 0 || warnings > 0)
        {
            var line = $"  diagnostics    {Plural(surfaced, "error/warning line")} the 2 KB previews hid, surfaced by dm ({errors} errors, {warnings} warnings kept in what it compressed)";
            if (lost > 0) line += $"; {lost} not kept (a compression loss)";
            o.WriteLine(line);
        }
        o.WriteLine(routed == 0
            ? $"  routing        no hint ({Plural(prompts, "prompt")})"
            : $"  routing        hint on {routed} of {Plural(prompts, "prompt")}: " + string.Join(", ", lanes.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}")));
    }

    private static string Plural(int n, string word) => $"{n.ToString("N0", C)} {word}{(n == 1 ? "" : "s")}";

    private static string Shorten(string s, int max)
    {
        var one = string.Join(' ', s.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return one.Length <= max ? one : one[..(max - 1)] + "…";
    }
}
