using System.Globalization;

namespace DistributedModel.StatusLine;

/// <summary>
/// The one line the status line prints, e.g. <c>dm ▾ 412 KB → 31 KB today · 4 errors · 4 warnings surfaced · specialists $0.18 + 3 unpriced</c>.
/// Surfaced errors and warnings are counted apart; the money is the sum of the priced calls, and the calls whose cost is
/// unknown are counted, never added as $0.
/// A part with nothing to say is left out; with nothing at all today it is <see cref="Idle"/>. <c>≥</c> marks totals
/// read from a log tail that begins today (an older part of today was not read).
/// </summary>
internal static class StatusLineText
{
    public const string Prefix = "dm ▾";

    /// <summary>The neutral line: nothing today, or nothing readable.</summary>
    public const string Idle = Prefix + " idle";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Format(TodaySummary s)
    {
        if (s.IsIdle) return Idle;
        var parts = new List<string>(3);
        var at = s.Partial ? "≥" : "";
        if (s.ToolCalls > 0) parts.Add($"{at}{Bytes(s.BytesIn)} → {Bytes(s.BytesOut)} today");
        if (s.Surfaced > 0)
        {
            var kinds = new List<string>(3);
            if (s.SurfacedErrors > 0) kinds.Add(Count(s.SurfacedErrors, "error", "errors"));
            if (s.SurfacedWarnings > 0) kinds.Add(Count(s.SurfacedWarnings, "warning", "warnings"));
            if (s.SurfacedUnsplit > 0) kinds.Add(Count(s.SurfacedUnsplit, "error or warning", "errors or warnings"));
            parts.Add(at + string.Join(" · " + at, kinds) + " surfaced");
        }
        if (s.ProviderCalls > 0)
        {
            int priced = s.ProviderCalls - s.UnpricedCalls;
            var money = priced > 0 ? $"{at}${s.SpecialistsUsd.ToString(s.SpecialistsUsd is > 0 and < 0.01m ? "0.0000" : "0.00", C)}" : "";
            var unknown = s.UnpricedCalls > 0 ? $"{at}{s.UnpricedCalls.ToString(C)} unpriced" : "";
            parts.Add("specialists " + (money.Length > 0 && unknown.Length > 0 ? money + " + " + unknown : money + unknown) + (s.ToolCalls == 0 ? " today" : ""));
        }
        return Prefix + " " + string.Join(" · ", parts);
    }

    private static string Count(long n, string one, string many) => n.ToString(C) + " " + (n == 1 ? one : many);

    /// <summary>Bytes in 1024-based units as <c>dm report</c> shows them, without a decimal: 421888 → "412 KB".</summary>
    public static string Bytes(long b) => b switch
    {
        >= 1024L * 1024 * 1024 => (b / (1024.0 * 1024 * 1024)).ToString("0.0", C) + " GB",
        >= 1024L * 1024 * 10 => (b / (1024.0 * 1024)).ToString("0", C) + " MB",
        >= 1024L * 1024 => (b / (1024.0 * 1024)).ToString("0.0", C) + " MB",
        >= 1024 => (b / 1024.0).ToString("0", C) + " KB",
        _ => b.ToString(C) + " B",
    };
}
