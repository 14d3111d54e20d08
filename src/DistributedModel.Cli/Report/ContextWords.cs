using System.Globalization;

namespace DistributedModel.Cli.Report;

/// <summary>
/// The two headline figures in plain words, shared by <c>dm discover</c> and <c>dm report</c>: the <b>context</b> (bytes
/// into the context, with sign and direction: "12.0 KB fewer" / "6.0 KB more") and <b>what the model could see</b> (error
/// and warning lines Claude Code's preview hid and dm showed, counted apart). When dm adds bytes, <see cref="Bought"/>
/// says what for. No figure is ever negated twice ("saved −174").
/// </summary>
public static class ContextWords
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary><c>12.0 KB fewer bytes into context</c>, <c>6.0 KB more bytes into context</c> or <c>the same bytes into context</c>.</summary>
    public static string Change(long without, long with) =>
        with == without ? "the same bytes into context" : $"{Amount(without, with)} bytes into context";

    /// <summary><c>12.0 KB fewer</c>, <c>6.0 KB more</c> or <c>no change</c>.</summary>
    public static string Amount(long without, long with) =>
        with == without ? "no change" : $"{Format.Bytes(Math.Abs(without - with))} {Direction(without, with)}";

    /// <summary><c>fewer</c>, <c>more</c> or <c>same</c>.</summary>
    public static string Direction(long without, long with) => with < without ? "fewer" : with > without ? "more" : "same";

    /// <summary>The change as a signed percentage of <paramref name="without"/> (−81.6%, +4.6%), or n/a.</summary>
    public static string Percent(long without, long with) => without == 0 ? "n/a" : Format.Delta((double)with / without - 1);

    /// <summary>Tokens the change amounts to, signed by direction: <c>≈ 2,950 fewer input tokens</c> / <c>≈ 174 more input tokens</c>.</summary>
    public static string Tokens(long tokens) => $"≈ {Math.Abs(tokens).ToString("N0", C)} {(tokens >= 0 ? "fewer" : "more")} input tokens";

    /// <summary><c>4 errors and 4 warnings</c>, <c>1 error</c>, <c>no error or warning line</c>; lines logged before errors and
    /// warnings were counted apart are <c>… and 3 error/warning lines</c>.</summary>
    public static string Seen(long errors, long warnings, long unsplit = 0)
    {
        var parts = new List<string>();
        if (errors > 0) parts.Add(Count(errors, "error"));
        if (warnings > 0) parts.Add(Count(warnings, "warning"));
        if (unsplit > 0) parts.Add(Count(unsplit, "error/warning line"));
        return parts.Count == 0 ? "no error or warning line" : string.Join(" and ", parts);
    }

    /// <summary>When dm put more bytes in and showed what the preview hid: <c>+6.0 KB to show 4 errors and 4 warnings the
    /// 2 KB preview hid</c>; else null.</summary>
    public static string? Bought(long without, long with, long errors, long warnings, long unsplit = 0) =>
        with > without && errors + warnings + unsplit > 0
            ? $"+{Format.Bytes(with - without)} to show {Seen(errors, warnings, unsplit)} the 2 KB preview hid"
            : null;

    private static string Count(long n, string word) => $"{n.ToString("N0", C)} {word}{(n == 1 ? "" : "s")}";
}
