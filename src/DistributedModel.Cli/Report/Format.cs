using System.Globalization;

namespace DistributedModel.Cli.Report;

/// <summary>Number formatting shared by the text and HTML reports (invariant culture).</summary>
public static class Format
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Bytes(double b) => b switch
    {
        >= 1024 * 1024 * 1024 => (b / (1024.0 * 1024 * 1024)).ToString("0.0", C) + " GB",
        >= 1024 * 1024 => (b / (1024.0 * 1024)).ToString("0.0", C) + " MB",
        >= 1024 => (b / 1024.0).ToString("0.0", C) + " KB",
        _ => b.ToString("0", C) + " B",
    };

    /// <summary>A fraction as a percentage with one decimal: 0.953 → "95.3%".</summary>
    public static string Percent(double fraction) => double.IsNaN(fraction) ? "n/a" : (fraction * 100).ToString("0.0", C) + "%";

    /// <summary>A signed change: -0.42 → "-42.0%", 0.1 → "+10.0%".</summary>
    public static string Delta(double fraction) =>
        double.IsNaN(fraction) ? "n/a" : (fraction > 0 ? "+" : "") + (fraction * 100).ToString("0.0", C) + "%";

    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString(ms < 10 ? "0.0" : "0", C) + " ms";

    public static string Usd(decimal usd) => "$" + usd.ToString(usd < 1 ? "0.0000" : "0.00", C);

    public static string Num(double v, string format = "0.##") => v.ToString(format, C);
}
