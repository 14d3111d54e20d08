using System.Text;
using static DistributedModel.Cli.Report.Svg;

namespace DistributedModel.Cli.Report;

/// <summary>One self-contained HTML file (inline CSS and SVG, no scripts, no external requests) for the review.</summary>
public static class HtmlReportWriter
{
    public static string Render(Review r, string repoRoot)
    {
        var sb = new StringBuilder();
        var title = r.Days >= 28 ? "Monthly cost review" : $"{r.Days}-day review";
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append($"<title>Distributed Model · {Esc(title)}</title><style>{Css}</style></head><body><main>");

        // Hero: verdict first.
        var verdictCls = r.Promote ? "promote" : "iterate";
        sb.Append($"<header class=\"hero {verdictCls}\"><div class=\"hero-text\">")
          .Append($"<p class=\"eyebrow\">Distributed Model · {Esc(title)} · {Esc(Path.GetFileName(repoRoot.TrimEnd('/')))}</p>")
          .Append($"<h1>{(r.Promote ? "Ready to promote" : "Keep iterating")}</h1>")
          .Append($"<p class=\"window\">{r.From:MMM d, HH:mm} – {r.To:MMM d yyyy, HH:mm} UTC");
        if (r.WindowStart is { } ws) sb.Append($" · window opened {ws:MMM d} (day {Math.Floor(r.WindowDaysElapsed):0} of {ReviewTargets.WindowDays})");
        sb.Append("</p>");
        sb.Append(r.Promote
            ? $"<p class=\"why\">Every target met over a full {ReviewTargets.WindowDays}-day window. Next step: <code>dm promote</code>.</p>"
            : "<ul class=\"why\">" + string.Concat(r.Reasons.Select(x => $"<li>{Esc(x)}</li>")) + "</ul>");
        int passed = r.Targets.Count(t => t.Status == TargetStatus.Pass);
        sb.Append($"</div><div class=\"score\"><span class=\"score-num\">{passed}/{r.Targets.Count}</span><span class=\"score-lbl\">targets met</span>")
          .Append($"<span class=\"badge\">{(r.Promote ? "PROMOTE" : "ITERATE")}</span></div></header>");

        // KPI cards.
        sb.Append("<section class=\"kpis\">");
        Kpi(sb, r.Target(TargetKeys.ContextBytes), r.ContextBytesIn == 0 ? "–" : ContextWords.Amount(r.ContextBytesNative, r.ContextBytesOut),
            r.ContextBytesIn == 0 ? "no PostToolUse calls" : r.ContextSentence().Replace(" -> ", " → ", StringComparison.Ordinal),
            Meter(double.IsNaN(r.ContextReduction) ? 0 : r.ContextReduction, ReviewTargets.MinContextReduction));
        foreach (var hook in ReviewTargets.Hooks)
        {
            var (p95, p50, n) = r.Latency[hook];
            Kpi(sb, r.Target(TargetKeys.HookLatency(hook)), n == 0 ? "–" : Format.Ms(p95), n == 0 ? "no calls" : $"p50 {Format.Ms(p50)} · {n:N0} calls",
                Meter(n == 0 ? 0 : Math.Min(1, p95 / 100), ReviewTargets.MaxHookP95Ms / 100, inverted: true));
        }
        Kpi(sb, r.Target(TargetKeys.SuccessWithoutFallback), double.IsNaN(r.SuccessWithoutFallback) ? "–" : Format.Percent(r.SuccessWithoutFallback),
            r.SpecialistRequests == 0 ? "no provider calls" : $"{r.SpecialistFirstTrySuccesses} of {r.SpecialistRequests} requests first try",
            Meter(double.IsNaN(r.SuccessWithoutFallback) ? 0 : r.SuccessWithoutFallback, ReviewTargets.MinSuccessWithoutFallback));
        Kpi(sb, r.Target(TargetKeys.Overturns), r.Overturns.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"of {r.Verdicts.Values.Sum()} consult/tribunal decisions", VerdictStrip(r));
        Kpi(sb, r.Target(TargetKeys.Spend), double.IsNaN(r.SpendDelta) ? "–" : Format.Delta(r.SpendDelta),
            r.BaselineUsd == 0 ? "no priced calls" : $"{Format.Usd(r.SpendUsd)} spent vs {Format.Usd(r.BaselineUsd)} on the orchestrator",
            Meter(double.IsNaN(r.SpendDelta) ? 0 : Math.Clamp(-r.SpendDelta, 0, 1), -ReviewTargets.MaxSpendDelta));
        sb.Append("</section>");

        // Charts.
        sb.Append("<section class=\"charts\">");
        Card(sb, "Hook latency distribution", "Share of calls per latency bin; the deterministic budget is p95 < 50 ms.", Charts.LatencyDistribution(r));
        Card(sb, "Raw output and bytes into context per day", "What the tools produced vs what reached the orchestrator's context (the percentage is against the raw output, not against what Claude Code alone would have shown).", Charts.RawAndContextPerDay(r));
        Card(sb, "Spend per lane", "Specialist spend next to the same tokens priced on the orchestrator model.", Charts.SpendPerLane(r));
        Card(sb, "Spend per provider", "Where the money went.", Charts.SpendPerProvider(r));
        Card(sb, "Fallback rate", "Specialist requests answered by their first provider, rescued by a fallback, or failed.", Charts.FallbackRate(r), wide: true);
        sb.Append("</section>");

        // Decision records of the window.
        if (r.Decisions.Count > 0)
        {
            sb.Append("<section class=\"card table\"><h2>Decision records</h2><p class=\"sub\">audits/ in the window; MODIFY and REVERSE count as overturns. Preview one with <code>dm adr preview FILE --html OUT</code>.</p><table><thead><tr><th>Date</th><th>Kind</th><th>Verdict</th><th>Providers</th><th>Record</th></tr></thead><tbody>");
            foreach (var d in r.Decisions.OrderByDescending(d => d.Date).ThenBy(d => d.File, StringComparer.Ordinal))
                sb.Append($"<tr><td>{d.Date:yyyy-MM-dd}</td><td>{Esc(d.Kind)}</td><td><span class=\"pill v-{Esc(d.Verdict.ToLowerInvariant())}\">{Esc(d.Verdict)}</span></td>")
                  .Append($"<td>{Esc(string.Join(", ", d.Providers))}</td><td><code>audits/{Esc(d.File)}</code></td></tr>");
            sb.Append("</tbody></table></section>");
        }

        // Table for the record.
        sb.Append("<section class=\"card table\"><h2>Targets</h2><table><thead><tr><th>Target</th><th>Measured</th><th>Goal</th><th>Status</th></tr></thead><tbody>");
        foreach (var t in r.Targets)
            sb.Append($"<tr><td>{Esc(t.Name)}</td><td>{Esc(t.Measured)}</td><td>{Esc(t.Target)}</td><td><span class=\"pill {Cls(t.Status)}\">{t.StatusText}</span></td></tr>");
        sb.Append("</tbody></table></section>");

        sb.Append($"<footer>Generated {r.To:yyyy-MM-dd HH:mm} UTC by <code>dm report --days {r.Days}</code> from .claude/hooks.log ({r.HookCalls.Count:N0} calls), ")
          .Append($".claude/dm/ledger.jsonl ({r.ProviderCalls.Count:N0} calls) and audits/ ({r.Decisions.Count} records)")
          .Append(r.SkippedLines > 0 ? $"; {r.SkippedLines} unreadable line(s) skipped" : "").Append(".</footer>");
        sb.Append("</main></body></html>\n");
        return sb.ToString();
    }

    private static void Kpi(StringBuilder sb, TargetResult t, string value, string detail, string visual)
    {
        sb.Append($"<article class=\"kpi {Cls(t.Status)}\"><div class=\"kpi-head\"><h3>{Esc(t.Name)}</h3><span class=\"pill {Cls(t.Status)}\">{t.StatusText}</span></div>")
          .Append($"<p class=\"kpi-value\">{Esc(value)}</p><p class=\"kpi-detail\">{Esc(detail)}</p>{visual}")
          .Append($"<p class=\"kpi-goal\">goal {Esc(t.Target)}</p></article>");
    }

    /// <summary>A horizontal meter with a tick at the goal.</summary>
    private static string Meter(double value, double goal, bool inverted = false)
    {
        var fill = inverted ? (value < goal ? "#22c55e" : "#ef4444") : (value >= goal ? "#22c55e" : "#f59e0b");
        var svg = new Svg(200, 14, "meter", MeterClass);
        svg.Rect(0, 3, 200, 8, "#eef0f4", 4);
        svg.Rect(0, 3, Math.Clamp(value, 0, 1) * 200, 8, fill, 4);
        svg.Line(goal * 200, 0, goal * 200, 14, "#111827", 2);
        return "<div class=\"meter\">" + svg + "</div>";
    }

    private static string VerdictStrip(Review r)
    {
        string[] order = ["AFFIRM", "MODIFY", "REVERSE", "DEFER"];
        string[] colors = ["#94a3b8", "#f59e0b", "#ef4444", "#cbd5e1"];
        int total = r.Decisions.Count;
        var svg = new Svg(200, 14, "verdicts", MeterClass);
        if (total == 0) svg.Rect(0, 3, 200, 8, "#eef0f4", 4);
        double x = 0;
        for (int i = 0; i < order.Length; i++)
        {
            int n = r.Verdicts.GetValueOrDefault(order[i]);
            if (n == 0) continue;
            double w = 200.0 * n / total;
            svg.Rect(x, 3, w - 1, 8, colors[i], 3, $"{order[i]}: {n}");
            x += w;
        }
        var legend = string.Join(" · ", order.Where(v => r.Verdicts.GetValueOrDefault(v) > 0).Select(v => $"{v} {r.Verdicts[v]}"));
        return "<div class=\"meter\">" + svg + "</div>" + (legend.Length > 0 ? $"<p class=\"verdicts\">{Esc(legend)}</p>" : "");
    }

    private static void Card(StringBuilder sb, string title, string subtitle, string svg, bool wide = false) =>
        sb.Append($"<figure class=\"card{(wide ? " wide" : "")}\"><h2>{Esc(title)}</h2><p class=\"sub\">{Esc(subtitle)}</p>{svg}</figure>");

    /// <summary>Meters stretch to their box (the bar is a proportion, not a shape).</summary>
    private const string MeterClass = "meter-svg\" preserveAspectRatio=\"none";

    private static string Cls(TargetStatus s) => s switch { TargetStatus.Pass => "pass", TargetStatus.Fail => "fail", _ => "nodata" };

    internal const string Css = """
        :root{--ink:#111827;--dim:#6b7280;--line:#e5e7eb;--bg:#f4f5fa;--pass:#16a34a;--fail:#dc2626;--warn:#d97706}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.45 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-font-smoothing:antialiased}
        main{max-width:1180px;margin:0 auto;padding:28px 24px 40px}
        code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:rgba(255,255,255,.18);padding:1px 6px;border-radius:6px}
        .hero{display:flex;justify-content:space-between;gap:24px;align-items:center;border-radius:20px;padding:28px 32px;color:#fff;box-shadow:0 10px 30px rgba(17,24,39,.12)}
        .hero.promote{background:linear-gradient(135deg,#065f46,#059669 55%,#34d399)}
        .hero.iterate{background:linear-gradient(135deg,#1e1b4b,#4338ca 55%,#7c3aed)}
        .eyebrow{margin:0 0 6px;text-transform:uppercase;letter-spacing:.08em;font-size:12px;opacity:.8}
        .hero h1{margin:0;font-size:34px;letter-spacing:-.02em}
        .window{margin:6px 0 10px;opacity:.85}
        .why{margin:0;padding-left:18px;max-width:760px}.why li{margin:2px 0}
        p.why{padding:0}
        .score{display:flex;flex-direction:column;align-items:center;min-width:150px;background:rgba(255,255,255,.12);border-radius:16px;padding:16px 20px}
        .score-num{font-size:44px;font-weight:700;line-height:1}
        .score-lbl{font-size:13px;opacity:.85;margin-top:4px;text-align:center}
        .score.fewer{background:rgba(52,211,153,.22);border:1px solid rgba(110,231,183,.7)}
        .score.more{background:rgba(251,191,36,.16);border:1px dashed rgba(253,230,138,.8)}
        .badge{margin-top:10px;font-size:12px;font-weight:700;letter-spacing:.1em;background:#fff;color:#111827;border-radius:999px;padding:4px 12px}
        .kpis{display:grid;grid-template-columns:repeat(3,1fr);gap:16px;margin:22px 0}
        .kpi{background:#fff;border-radius:16px;padding:16px 18px;border:1px solid var(--line);border-top:4px solid var(--line)}
        .kpi.pass{border-top-color:var(--pass)}.kpi.fail{border-top-color:var(--fail)}.kpi.nodata{border-top-color:#9ca3af}
        .kpi-head{display:flex;justify-content:space-between;align-items:flex-start;gap:8px}
        .kpi h3{margin:0;font-size:13px;font-weight:600;color:var(--dim);min-height:2.6em}
        .kpi-value{margin:8px 0 0;font-size:32px;font-weight:700;letter-spacing:-.02em}
        .kpi-detail{margin:0 0 10px;color:var(--dim);font-size:13px}
        .kpi-goal{margin:6px 0 0;font-size:12px;color:var(--dim)}
        .meter{display:flex;align-items:center;gap:10px}.meter-svg{flex:0 0 60%;width:60%;height:14px}
        .verdicts{font-size:11px;color:var(--dim);margin:4px 0 0;letter-spacing:.02em}
        .pill{font-size:11px;font-weight:700;letter-spacing:.06em;border-radius:999px;padding:3px 9px;white-space:nowrap}
        .pill.pass{background:#dcfce7;color:#166534}.pill.fail{background:#fee2e2;color:#991b1b}.pill.nodata{background:#f3f4f6;color:#4b5563}
        .charts{display:grid;grid-template-columns:1fr 1fr;gap:16px}
        .card{background:#fff;border-radius:16px;padding:18px 20px 14px;border:1px solid var(--line);margin:0}
        .card.wide{grid-column:1 / -1}
        .card h2{margin:0;font-size:16px}
        .sub{margin:2px 0 8px;color:var(--dim);font-size:13px}
        .chart{width:100%;height:auto;display:block}
        
        .lbl{font-size:11px;fill:#374151}.lbl.dim{fill:#9ca3af}.lbl.strong{font-weight:600;fill:#111827}.lbl.small{font-size:10px;fill:#4338ca;font-weight:600}
        .lbl.warn{fill:#b91c1c;font-weight:600}
        .big{font-size:22px;font-weight:700;fill:#111827}
        .table{margin-top:16px}
        table{width:100%;border-collapse:collapse;margin-top:8px;font-size:14px}
        th{text-align:left;color:var(--dim);font-weight:600;font-size:12px;text-transform:uppercase;letter-spacing:.05em;border-bottom:1px solid var(--line);padding:8px}
        td{padding:9px 8px;border-bottom:1px solid #f1f2f6}
        .pill.v-affirm{background:#e2e8f0;color:#334155}.pill.v-modify{background:#fef3c7;color:#92400e}.pill.v-reverse{background:#fee2e2;color:#991b1b}.pill.v-defer{background:#f1f5f9;color:#64748b}
        td code{background:#f3f4f8;color:#374151;font-size:12px}
        footer{margin-top:18px;color:var(--dim);font-size:12px;text-align:center}
        footer code{background:#e9eaf2}
        @media (max-width:820px){.kpis{grid-template-columns:1fr}.charts{grid-template-columns:1fr}.hero{flex-direction:column;align-items:flex-start}}
        """;
}
