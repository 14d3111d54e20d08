using System.Globalization;
using System.Text;

namespace DistributedModel.Compression.Selection;

/// <summary>
/// The first line of every digest: what came in and what was kept, e.g.
/// <c>[dm: 417 KB, 3,912 lines → 7.9 KB · 2 errors · 10 warnings (6 kinds) · 3,850 lines elided · full output: PATH]</c>;
/// when distinct failures did not all fit, also <c>· 38 of 56 failure kinds shown</c> and, last, how to find the first
/// one left out (<see cref="LeftOutHint"/>).
/// </summary>
internal static class DigestHeader
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public sealed record Facts(long InBytes, int InLines, long OutBytes, int Elided)
    {
        public int Errors { get; init; }
        public int ErrorKinds { get; init; }
        public int ErrorsShown { get; init; }
        public int Warnings { get; init; }
        public int WarningKinds { get; init; }
        public int WarningsShown { get; init; }
        public string? Grouping { get; init; }
        public string? FullOutputPath { get; init; }
        public string? DigestHint { get; init; }
        /// <summary>Failure templates in the output and with a line in the digest; said only when some are left out.</summary>
        public int FailureKinds { get; init; }
        public int FailureKindsShown { get; init; }
        /// <summary>How to find the first failure template left out (<see cref="LeftOutHint.Grep"/>).</summary>
        public string? LeftOut { get; init; }
    }

    public static string Render(Facts f)
    {
        var sb = new StringBuilder(256);
        sb.Append(Markers.HeaderPrefix).Append(Size(f.InBytes)).Append(Inv, $", {f.InLines:N0} lines → ").Append(Size(f.OutBytes));
        if (f.Grouping is not null) sb.Append(" · ").Append(f.Grouping);
        Diagnostics(sb, f.Errors, f.ErrorKinds, f.ErrorsShown, "error");
        Diagnostics(sb, f.Warnings, f.WarningKinds, f.WarningsShown, "warning");
        if (f.FailureKindsShown < f.FailureKinds) sb.Append(" · ").Append(LeftOutHint.Kinds(f.FailureKinds, f.FailureKindsShown));
        if (f.Elided > 0) sb.Append(Inv, $" · {f.Elided:N0} lines elided");
        if (f.FullOutputPath is not null) sb.Append(" · ").Append(Markers.FullOutputLabel).Append(f.FullOutputPath);
        if (f.DigestHint is not null) sb.Append(" · ").Append(f.DigestHint);
        if (f.LeftOut is not null) sb.Append(" · ").Append(f.LeftOut);
        return sb.Append(']').ToString();
    }

    private static void Diagnostics(StringBuilder sb, int count, int kinds, int shown, string noun)
    {
        if (count == 0) return;
        sb.Append(Inv, $" · {count:N0} {noun}{(count == 1 ? "" : "s")}");
        bool kindsWorthSaying = kinds > 1 && kinds < count;
        if (kindsWorthSaying && shown < count) sb.Append(Inv, $" ({kinds:N0} kinds, {shown:N0} shown)");
        else if (kindsWorthSaying) sb.Append(Inv, $" ({kinds:N0} kinds)");
        else if (shown < count) sb.Append(Inv, $" ({shown:N0} shown)");
    }

    /// <summary><c>812 B</c>, <c>7.9 KB</c>, <c>417 KB</c>, <c>1.2 MB</c> (KB = 1,024 bytes).</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Format(Inv, "{0} B", bytes),
        < 10 * 1024 => string.Format(Inv, "{0:0.0} KB", Math.Floor(bytes / 102.4) / 10),
        < 1024 * 1024 => string.Format(Inv, "{0:N0} KB", bytes / 1024),
        _ => string.Format(Inv, "{0:0.0} MB", Math.Floor(bytes / (1024 * 102.4)) / 10),
    };
}
