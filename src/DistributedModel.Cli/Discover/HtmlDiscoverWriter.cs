using System.Text;
using DistributedModel.Cli.Report;
using static DistributedModel.Cli.Report.Svg;

namespace DistributedModel.Cli.Discover;

/// <summary>The <c>dm discover --html</c> page: same style as <c>dm report</c> (inline CSS and SVG, no scripts, no requests).</summary>
public static class HtmlDiscoverWriter
{
    private const int MaxSessionRows = 30;

    public static string Render(DiscoverReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append($"<title>Distributed Model · discover</title><style>{HtmlReportWriter.Css}</style></head><body><main>");
        long before = r.ContextBefore, after = r.ContextAfter, saved = before - after;
        sb.Append("<header class=\"hero iterate\"><div class=\"hero-text\">")
          .Append($"<p class=\"eyebrow\">Distributed Model · discover · {Esc(r.Scope)}</p>")
          .Append($"<h1>Your last {r.Days} days, replayed</h1>")
          .Append($"<p class=\"window\">{r.Sessions.Count} Claude Code session(s) read from {Esc(r.ProjectsDir)} — nothing was written: ")
          .Append($"{r.Replayed.Count} without dm (replayed), {r.WithDm.Count} with dm (read back, not replayed).</p>")
          .Append("<p class=\"why\">Every Bash, Read, Grep and MCP result run through the real compressor; every prompt through the routing rules.</p>")
          .Append("</div>");
        Score(sb, before, after, r);
        sb.Append("</header>");

        int unsplit = Math.Max(0, r.Surfaced - r.SurfacedErrors - r.SurfacedWarnings);
        var bought = ContextWords.Bought(before, after, r.SurfacedErrors, r.SurfacedWarnings, unsplit);
        sb.Append("<section class=\"kpis\">");
        Kpi(sb, "Context: bytes into it with dm", before == 0 ? "–" : ContextWords.Amount(before, after),
            $"{Format.Bytes(before)} → {Format.Bytes(after)} ({ContextWords.Percent(before, after)}); {r.Results.Count(x => x.Replay.Compressed)} of {r.Results.Count()} tool results compressed"
                + (bought is null ? "" : "; " + bought));
        Kpi(sb, "What the model could see", ContextWords.Seen(r.SurfacedErrors, r.SurfacedWarnings, unsplit),
            $"error and warning lines the 2 KB previews of {r.Previews} result(s) hid, shown by dm" + (r.Lost > 0 ? $"; {r.Lost} diagnostic line(s) not kept" : ""));
        long tokens = saved >= 0 ? DiscoverReport.Tokens(saved) : -DiscoverReport.Tokens(-saved);
        Kpi(sb, "Input tokens into context (estimate)", $"≈ {Math.Abs(tokens).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {(tokens >= 0 ? "fewer" : "more")}",
            $"≈ {Format.Usd(r.Usd(Math.Abs(saved)))} at {r.PriceName} ({Format.Usd(r.Price.Input)}/1M input); tokens ≈ bytes ÷ {DiscoverReport.BytesPerToken}, once per result");
        if (r.WithDm.Count > 0) DmKpi(sb, r.Dm, r.WithDm.Count);
        sb.Append("</section>");

        sb.Append("<section class=\"charts\">");
        Card(sb, "Context per session", "What entered the context (light) and what would have with dm (dark).", SessionChart(r), wide: true);
        Card(sb, "Routing hints per lane", $"{r.PromptsRouted} of {r.Prompts} prompts would have got a hint.", LaneChart(r));
        Card(sb, "Tool results per tool", "Bytes that entered the context, per tool.", ToolChart(r));
        sb.Append("</section>");

        sb.Append("<section class=\"card table\"><h2>Sessions</h2><table><thead><tr><th>Session</th><th>Started</th><th>Results</th><th>Previews</th><th>Context</th><th>With dm</th><th>Shown that previews hid</th><th>Hints</th></tr></thead><tbody>");
        foreach (var s in r.Sessions)
        {
            sb.Append($"<tr><td><code>{Esc(s.Transcript.SessionId)}</code></td><td>{s.Transcript.First:yyyy-MM-dd HH:mm}</td>");
            if (s.RanWithDm)
            {
                var dm = s.Dm;
                sb.Append($"<td>{dm.Calls.Count}</td><td>ran with dm</td><td>{Format.Bytes(dm.NativeBytes)} (Claude Code alone)</td><td>{Format.Bytes(dm.ContextBytes)}</td><td>{ContextWords.Seen(dm.SurfacedErrors, dm.SurfacedWarnings, Math.Max(0, dm.Surfaced - dm.SurfacedErrors - dm.SurfacedWarnings))}</td><td>–</td></tr>");
                continue;
            }
            sb.Append($"<td>{s.Results.Count}</td><td>{s.Previews}</td>")
              .Append($"<td>{Format.Bytes(s.ContextBefore)}</td><td>{Format.Bytes(s.ContextAfter)}</td><td>{ContextWords.Seen(s.SurfacedErrors, s.SurfacedWarnings, Math.Max(0, s.Surfaced - s.SurfacedErrors - s.SurfacedWarnings))}</td><td>{s.PromptsRouted}</td></tr>");
        }
        sb.Append("</tbody></table></section>");

        var unknown = r.UnknownTypes;
        sb.Append($"<footer>Generated {r.Now:yyyy-MM-dd HH:mm} UTC by <code>dm discover --days {r.Days}</code>")
          .Append(unknown.Count > 0 ? "; unknown record types skipped: " + Esc(string.Join(", ", unknown.Select(kv => $"{kv.Key} ×{kv.Value}"))) : "")
          .Append(r.UnreadableLines > 0 ? $"; {r.UnreadableLines} unreadable line(s) skipped" : "").Append(".</footer>");
        sb.Append("</main></body></html>\n");
        return sb.ToString();
    }

    /// <summary>The hero figure: the amount and its direction in words, styled <c>fewer</c> or <c>more</c> — never as a
    /// saving when bytes went up, and then with what they bought.</summary>
    private static void Score(StringBuilder sb, long before, long after, DiscoverReport r)
    {
        var direction = ContextWords.Direction(before, after);
        sb.Append($"<div class=\"score {direction}\"><span class=\"score-num\">{(before == 0 ? "–" : Format.Bytes(Math.Abs(before - after)))}</span>")
          .Append("<span class=\"score-lbl\">").Append(before == 0 ? "no tool results" : direction == "same" ? "bytes into context, unchanged"
              : $"{direction} bytes into context ({ContextWords.Percent(before, after)})").Append("</span>");
        if (after > before && r.Surfaced > 0) sb.Append("<span class=\"score-lbl\">to show what the previews hid</span>");
        sb.Append("</div>");
    }

    /// <summary>Width an 11 px chart label takes at most per character (wider than the average glyph of the system sans-serif).</summary>
    public const double LabelCharWidth = 7;

    /// <summary>The bar label of one session: <c>2.3 KB → 3.9 KB · 5 errors and 1 warning shown</c>.</summary>
    public static string SessionLabel(SessionFindings s) =>
        $"{Format.Bytes(s.ContextBefore)} → {Format.Bytes(s.ContextAfter)}"
        + (s.Surfaced > 0 ? $" · {ContextWords.Seen(s.SurfacedErrors, s.SurfacedWarnings, Math.Max(0, s.Surfaced - s.SurfacedErrors - s.SurfacedWarnings))} shown" : "");

    /// <summary>The session chart's width, and the right margin its longest label needs so that none is cut off.</summary>
    public static (double Width, double RightMargin) SessionChartSize(IEnumerable<SessionFindings> rows) =>
        (1100, Math.Max(150, rows.Select(s => SessionLabel(s).Length).DefaultIfEmpty(0).Max() * LabelCharWidth + 16));

    private static string SessionChart(DiscoverReport r)
    {
        var rows = r.Replayed.OrderByDescending(s => s.ContextBefore).Take(MaxSessionRows).ToList();
        var (W, R) = SessionChartSize(rows);
        double rowH = 30, T = 30, L = 96, H = Math.Max(120, T + rowH * rows.Count + 12);
        var svg = new Svg(W, H, "Context per session");
        if (rows.Count == 0 || rows.All(s => s.ContextBefore == 0 && s.ContextAfter == 0)) return Charts.Empty(svg, W, 160, "no tool results in the window");
        double pw = W - L - R, max = rows.Max(s => Math.Max(s.ContextBefore, s.ContextAfter));
        Charts.Legend(svg, L, 14, [("entered the context", "#c7d2fe"), ("with dm", "#4338ca")]);
        for (int i = 0; i < rows.Count; i++)
        {
            var s = rows[i];
            double y = T + i * rowH + 4;
            svg.Text(L - 8, y + 15, s.Transcript.SessionId[..Math.Min(8, s.Transcript.SessionId.Length)], "lbl strong", "end");
            svg.Rect(L, y, s.ContextBefore / max * pw, 20, "#c7d2fe", 4, $"{Format.Bytes(s.ContextBefore)} entered the context");
            svg.Rect(L, y + 5, s.ContextAfter / max * pw, 10, "#4338ca", 3, $"{Format.Bytes(s.ContextAfter)} with dm");
            svg.Text(L + Math.Max(s.ContextBefore, s.ContextAfter) / max * pw + 8, y + 15, SessionLabel(s), "lbl");
        }
        return svg.ToString();
    }

    private static string LaneChart(DiscoverReport r) =>
        Bars("Routing hints per lane", r.LaneHits.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, (double)kv.Value, kv.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(), "no prompt would have got a hint");

    private static string ToolChart(DiscoverReport r) =>
        Bars("Tool results per tool", r.Results.GroupBy(x => x.Call.Tool.StartsWith("mcp__", StringComparison.Ordinal) ? "MCP" : x.Call.Tool)
            .Select(g => (g.Key, (double)g.Sum(x => x.ContextBefore), $"{g.Count()} · {Format.Bytes(g.Sum(x => x.ContextBefore))}"))
            .OrderByDescending(x => x.Item2).ToList(), "no tool results in the window");

    private static string Bars(string label, List<(string Name, double Value, string Text)> rows, string empty)
    {
        double rowH = 34, T = 12, L = 96, R = 120, W = 560, H = Math.Max(120, T + rowH * rows.Count + 12);
        var svg = new Svg(W, H, label);
        if (rows.Count == 0) return Charts.Empty(svg, W, 160, empty);
        double pw = W - L - R, max = Math.Max(1e-9, rows.Max(x => x.Value));
        for (int i = 0; i < rows.Count; i++)
        {
            var (name, value, text) = rows[i];
            double y = T + i * rowH;
            svg.Text(L - 8, y + 17, name, "lbl strong", "end");
            svg.Rect(L, y + 4, value / max * pw, 20, Charts.Palette[i % Charts.Palette.Length], 4, $"{name}: {text}");
            svg.Text(L + value / max * pw + 8, y + 17, text, "lbl");
        }
        return svg.ToString();
    }

    private static void DmKpi(StringBuilder sb, DmRun dm, int sessions)
    {
        long unsplit = Math.Max(0, dm.Surfaced - dm.SurfacedErrors - dm.SurfacedWarnings);
        long without = dm.NativeBytes, with = dm.ContextBytesWhereNativeKnown;
        Kpi(sb, $"What dm did in the {sessions} session(s) that ran with it", $"{Format.Bytes(dm.RawBytes)} raw → {Format.Bytes(dm.ContextBytes)}",
            (dm.Logged == 0 ? "no hooks.log line for these calls"
                : $"{ContextWords.Change(without, with)} than Claude Code alone ({Format.Bytes(without)} → {Format.Bytes(with)}); "
                  + (ContextWords.Bought(without, with, dm.SurfacedErrors, dm.SurfacedWarnings, unsplit)
                     ?? $"{ContextWords.Seen(dm.SurfacedErrors, dm.SurfacedWarnings, unsplit)} the preview would have hidden reached the model"))
            + " — read back from the transcripts and hooks.log, not replayed");
    }

    private static void Kpi(StringBuilder sb, string title, string value, string detail) =>
        sb.Append($"<article class=\"kpi\"><div class=\"kpi-head\"><h3>{Esc(title)}</h3></div><p class=\"kpi-value\">{Esc(value)}</p><p class=\"kpi-detail\">{Esc(detail)}</p></article>");

    private static void Card(StringBuilder sb, string title, string subtitle, string svg, bool wide = false) =>
        sb.Append($"<figure class=\"card{(wide ? " wide" : "")}\"><h2>{Esc(title)}</h2><p class=\"sub\">{Esc(subtitle)}</p>{svg}</figure>");
}
