using DistributedModel.Core.Logging;

namespace DistributedModel.Cli.Report;

/// <summary>The inline SVG charts of the HTML report.</summary>
public static class Charts
{
    public static readonly string[] Palette = ["#6366f1", "#14b8a6", "#f59e0b", "#ec4899", "#0ea5e9", "#8b5cf6", "#22c55e", "#ef4444"];
    private const string Grid = "#e5e7eb", Axis = "#9ca3af";
    private static readonly double[] LatencyEdges = [0, 1, 2, 5, 10, 20, 50, 100];

    /// <summary>Share of calls per latency bin, one colour per hook, the over-budget bins shaded.</summary>
    public static string LatencyDistribution(Review r)
    {
        var hooks = r.Latency.Where(kv => kv.Value.Count > 0).Select(kv => kv.Key).OrderBy(h => Array.IndexOf([.. ReviewTargets.Hooks], h) is var i && i < 0 ? 99 : i).ToList();
        const double W = 560, H = 260, L = 44, R = 12, T = 28, B = 40;
        var svg = new Svg(W, H, "Hook latency distribution per hook");
        if (hooks.Count == 0) return Empty(svg, W, H, "no hook calls in the window");
        int bins = LatencyEdges.Length;
        double pw = W - L - R, ph = H - T - B, bw = pw / bins;
        var shares = hooks.ToDictionary(h => h, h =>
        {
            var ms = r.HookCalls.Where(c => c.Event == h).Select(c => c.ElapsedMs).ToList();
            var counts = new int[bins];
            foreach (var m in ms) counts[Bin(m)]++;
            return counts.Select(c => ms.Count == 0 ? 0 : (double)c / ms.Count).ToArray();
        });
        double max = NiceMax(shares.Values.SelectMany(s => s).DefaultIfEmpty(0).Max(), percent: true);
        int budgetBin = Array.IndexOf(LatencyEdges, ReviewTargets.MaxHookP95Ms);
        svg.Rect(L + budgetBin * bw, T, pw - budgetBin * bw, ph, "#fef2f2");
        svg.Text(L + budgetBin * bw + 6, T + 14, "over 50 ms budget", "lbl warn");
        YAxis(svg, L, T, pw, ph, max, v => Format.Num(v * 100, "0") + "%");
        double gap = 4, inner = (bw - 2 * gap) / hooks.Count;
        for (int b = 0; b < bins; b++)
        {
            for (int k = 0; k < hooks.Count; k++)
            {
                double v = shares[hooks[k]][b], h = v / max * ph;
                svg.Rect(L + b * bw + gap + k * inner, T + ph - h, inner - 1.5, h, Palette[k % Palette.Length], 2.5,
                    $"{hooks[k]} {BinLabel(b)}: {Format.Percent(v)} of calls");
            }
            svg.Text(L + b * bw + bw / 2, T + ph + 16, BinLabel(b), "lbl", "middle");
        }
        svg.Text(L + pw / 2, H - 6, "latency per call (ms)", "lbl dim", "middle");
        Legend(svg, L, 14, hooks.Select((h, k) => (h + " · p95 " + Format.Ms(r.Latency[h].P95), Palette[k % Palette.Length])));
        return svg.ToString();
    }

    /// <summary>Per day: bytes the tools produced (light) and bytes that reached the context (dark).</summary>
    public static string RawAndContextPerDay(Review r)
    {
        const double W = 560, H = 260, L = 56, R = 12, T = 28, B = 34;
        var svg = new Svg(W, H, "Raw output and bytes into context per day");
        var post = r.HookCalls.Where(c => c.Event == HookEvents.PostToolUse).ToList();
        if (post.Count == 0) return Empty(svg, W, H, "no PostToolUse calls in the window");
        var days = Days(r);
        var byDay = days.Select(d => (Day: d, In: post.Where(c => Day(c.Timestamp) == d).Sum(c => (double)c.InputBytes),
            Out: post.Where(c => Day(c.Timestamp) == d).Sum(c => (double)c.OutputBytes))).ToList();
        double pw = W - L - R, ph = H - T - B, bw = pw / byDay.Count;
        double max = NiceMax(byDay.Max(d => d.In), percent: false);
        YAxis(svg, L, T, pw, ph, max, v => Format.Bytes(v));
        for (int i = 0; i < byDay.Count; i++)
        {
            var (day, inB, outB) = byDay[i];
            double x = L + i * bw + bw * 0.18, w = bw * 0.64;
            double hIn = inB / max * ph, hOut = outB / max * ph;
            svg.Rect(x, T + ph - hIn, w, hIn, "#c7d2fe", 3, $"{day:MMM d}: {Format.Bytes(inB)} raw tool output");
            svg.Rect(x, T + ph - hOut, w, hOut, "#4338ca", 3, $"{day:MMM d}: {Format.Bytes(outB)} entered the context");
            if (inB > 0 && byDay.Count <= 16)
                svg.Text(x + w / 2, T + ph - hIn - 5, Format.Delta(-(1 - outB / inB)), "lbl small", "middle");
            if (byDay.Count <= 16 || i % (int)Math.Ceiling(byDay.Count / 10.0) == 0)
                svg.Text(L + i * bw + bw / 2, T + ph + 16, day.ToString("MMM d", System.Globalization.CultureInfo.InvariantCulture), "lbl", "middle");
        }
        Legend(svg, L, 14, [("raw tool output", "#c7d2fe"), ("into the context", "#4338ca")]);
        return svg.ToString();
    }

    /// <summary>Actual spend per lane next to what the orchestrator would have cost for the same tokens.</summary>
    public static string SpendPerLane(Review r)
    {
        var lanes = r.ProviderCalls.GroupBy(p => p.Line.Lane)
            .Select(g => (Lane: g.Key, Cost: (double)g.Sum(p => p.CostUsd), Base: (double)g.Sum(p => p.Line.BaselineUsd)))
            .OrderByDescending(x => x.Base).ToList();
        double rowH = 46, T = 30, L = 84, R = 170;
        double W = 560, H = Math.Max(120, T + rowH * lanes.Count + 12);
        var svg = new Svg(W, H, "Spend per lane vs all-orchestrator baseline");
        if (lanes.Count == 0) return Empty(svg, W, 160, "no provider calls in the window");
        double pw = W - L - R, max = Math.Max(1e-9, lanes.Max(x => Math.Max(x.Cost, x.Base)));
        Legend(svg, L, 14, [("specialist spend", "#14b8a6"), ("same tokens on the orchestrator", "#e5e7eb")]);
        for (int i = 0; i < lanes.Count; i++)
        {
            var (lane, cost, bas) = lanes[i];
            double y = T + i * rowH + 6;
            svg.Text(L - 10, y + 21, lane, "lbl strong", "end");
            svg.Rect(L, y + 4, bas / max * pw, 26, "#e5e7eb", 5, $"{lane}: baseline {Format.Usd((decimal)bas)}");
            svg.Rect(L, y + 9, cost / max * pw, 16, "#14b8a6", 4, $"{lane}: spent {Format.Usd((decimal)cost)}");
            var delta = bas == 0 ? "" : " · " + Format.Delta(cost / bas - 1) + " vs baseline";
            svg.Text(L + Math.Max(bas, cost) / max * pw + 8, y + 21, Format.Usd((decimal)cost) + delta, "lbl", "start");
        }
        return svg.ToString();
    }

    /// <summary>Donut of spend per provider.</summary>
    public static string SpendPerProvider(Review r)
    {
        var providers = r.ProviderCalls.GroupBy(p => p.Line.Provider)
            .Select(g => (Provider: g.Key, Cost: (double)g.Sum(p => p.CostUsd), Calls: g.Count()))
            .OrderByDescending(x => x.Cost).ToList();
        const double W = 560, H = 240, Cx = 130, Cy = 120, Ro = 92, Ri = 58;
        var svg = new Svg(W, H, "Spend per provider");
        if (providers.Count == 0) return Empty(svg, W, H, "no provider calls in the window");
        double total = providers.Sum(p => p.Cost);
        double a0 = -Math.PI / 2;
        for (int i = 0; i < providers.Count; i++)
        {
            var (name, cost, calls) = providers[i];
            double frac = total > 0 ? cost / total : 1.0 / providers.Count;
            double a1 = a0 + frac * 2 * Math.PI;
            if (frac >= 0.9999) a1 = a0 + 2 * Math.PI - 1e-4;
            svg.Path(Arc(Cx, Cy, Ro, Ri, a0, a1), Palette[i % Palette.Length], "#fff", 2, $"{name}: {Format.Usd((decimal)cost)} ({Format.Percent(frac)})");
            a0 = a1;
        }
        svg.Text(Cx, Cy - 2, Format.Usd((decimal)total), "big", "middle");
        svg.Text(Cx, Cy + 18, "total spend", "lbl dim", "middle");
        for (int i = 0; i < providers.Count; i++)
        {
            var (name, cost, calls) = providers[i];
            double y = 48 + i * 30;
            svg.Rect(268, y - 11, 14, 14, Palette[i % Palette.Length], 4);
            svg.Text(292, y, name, "lbl strong");
            svg.Text(400, y, Format.Usd((decimal)cost), "lbl", "start");
            svg.Text(W - 12, y, $"{calls} calls", "lbl dim", "end");
        }
        return svg.ToString();
    }

    /// <summary>Per day: share of specialist requests answered first try, rescued by a fallback, or failed; the 95 % target dashed.</summary>
    public static string FallbackRate(Review r)
    {
        const double W = 1120, H = 250, L = 44, R = 84, T = 28, B = 34;
        var svg = new Svg(W, H, "Specialist fallback rate per day");
        var first = r.ProviderCalls.Where(p => p.IsFirstAttempt).ToList();
        if (first.Count == 0) return Empty(svg, W, H, "no provider calls in the window");
        var days = Days(r);
        double pw = W - L - R, ph = H - T - B, bw = pw / days.Count;
        YAxis(svg, L, T, pw, ph, 1, v => Format.Num(v * 100, "0") + "%");
        for (int i = 0; i < days.Count; i++)
        {
            var d = days[i];
            var req = first.Where(p => Day(p.Timestamp) == d).ToList();
            if (req.Count > 0)
            {
                int ok = req.Count(p => p.IsOk);
                int rescued = Math.Min(req.Count - ok, r.ProviderCalls.Count(p => !p.IsFirstAttempt && p.IsOk && Day(p.Timestamp) == d));
                int failed = req.Count - ok - rescued;
                double x = L + i * bw + bw * 0.25, w = bw * 0.5, y = T + ph;
                foreach (var (n, color, what) in new[] { (ok, "#22c55e", "first try"), (rescued, "#f59e0b", "after fallback"), (failed, "#ef4444", "failed") })
                {
                    double h = (double)n / req.Count * ph;
                    svg.Rect(x, y - h, w, h, color, 0, $"{d:MMM d}: {n} of {req.Count} {what}");
                    y -= h;
                }
            }
            if (days.Count <= 16 || i % (int)Math.Ceiling(days.Count / 10.0) == 0)
                svg.Text(L + i * bw + bw / 2, T + ph + 16, d.ToString("MMM d", System.Globalization.CultureInfo.InvariantCulture), "lbl", "middle");
        }
        double ty = T + ph * (1 - ReviewTargets.MinSuccessWithoutFallback);
        svg.Line(L, ty, L + pw, ty, "#111827", 1.5, "5 4");
        svg.Text(L + pw + 8, ty + 4, "target 95%", "lbl strong", "start");
        double overall = r.SuccessWithoutFallback;
        if (!double.IsNaN(overall))
        {
            double oy = T + ph * (1 - overall);
            svg.Text(L + pw + 8, Math.Max(oy + 18, ty + 22), $"overall {Format.Percent(overall)}", "lbl", "start");
        }
        Legend(svg, L, 14, [("first try", "#22c55e"), ("after fallback", "#f59e0b"), ("failed", "#ef4444")]);
        return svg.ToString();
    }

    internal static List<DateOnly> Days(Review r)
    {
        var first = Day(r.From);
        var last = Day(r.To);
        var list = new List<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1)) list.Add(d);
        bool HasData(DateOnly d) => r.HookCalls.Any(c => Day(c.Timestamp) == d) || r.ProviderCalls.Any(c => Day(c.Timestamp) == d);
        while (list.Count > 1 && !HasData(list[0])) list.RemoveAt(0); // days before the first log line (before install)
        return list;
    }

    internal static DateOnly Day(DateTimeOffset t) => DateOnly.FromDateTime(t.UtcDateTime);

    private static int Bin(double ms)
    {
        for (int i = LatencyEdges.Length - 1; i >= 0; i--)
            if (ms >= LatencyEdges[i]) return i;
        return 0;
    }

    private static string BinLabel(int b) => b == LatencyEdges.Length - 1
        ? $"≥{Format.Num(LatencyEdges[b])}"
        : $"{Format.Num(LatencyEdges[b])}–{Format.Num(LatencyEdges[b + 1])}";

    /// <summary>An axis maximum of four round steps (percent: fractions of 1; bytes: round in KB/MB/GB).</summary>
    internal static double NiceMax(double v, bool percent)
    {
        if (v <= 0) return 1;
        if (percent) return Math.Min(1, 4 * NiceStep(v / 4));
        double unit = 1;
        while (v / unit >= 1024 && unit < 1024d * 1024 * 1024) unit *= 1024;
        return 4 * NiceStep(v / unit / 4) * unit;
    }

    private static double NiceStep(double raw)
    {
        double exp = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
            if (m * exp >= raw - 1e-12) return m * exp;
        return 10 * exp;
    }

    internal static void YAxis(Svg svg, double l, double t, double pw, double ph, double max, Func<double, string> label)
    {
        for (int i = 0; i <= 4; i++)
        {
            double y = t + ph - ph * i / 4;
            svg.Line(l, y, l + pw, y, i == 0 ? Axis : Grid, 1, i == 0 ? null : "2 3");
            svg.Text(l - 6, y + 4, label(max * i / 4), "lbl dim", "end");
        }
    }

    internal static void Legend(Svg svg, double x, double y, IEnumerable<(string Label, string Color)> items)
    {
        foreach (var (label, color) in items)
        {
            svg.Rect(x, y - 9, 10, 10, color, 3);
            svg.Text(x + 15, y, label, "lbl");
            x += 26 + label.Length * 6.2;
        }
    }

    internal static string Empty(Svg svg, double w, double h, string message)
    {
        svg.Rect(0, 0, w, h, "#f9fafb", 12);
        svg.Text(w / 2, h / 2, message, "lbl dim", "middle");
        return svg.ToString();
    }

    private static string Arc(double cx, double cy, double ro, double ri, double a0, double a1)
    {
        static string P(double x, double y) => Svg.N(x) + " " + Svg.N(y);
        int large = a1 - a0 > Math.PI ? 1 : 0;
        return $"M {P(cx + ro * Math.Cos(a0), cy + ro * Math.Sin(a0))} A {Svg.N(ro)} {Svg.N(ro)} 0 {large} 1 {P(cx + ro * Math.Cos(a1), cy + ro * Math.Sin(a1))} " +
               $"L {P(cx + ri * Math.Cos(a1), cy + ri * Math.Sin(a1))} A {Svg.N(ri)} {Svg.N(ri)} 0 {large} 0 {P(cx + ri * Math.Cos(a0), cy + ri * Math.Sin(a0))} Z";
    }
}
