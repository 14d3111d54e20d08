using System.Globalization;

namespace DistributedModel.Compression;

/// <summary>
/// The lines the compressor writes. The digest header starts with <see cref="HeaderPrefix"/>; elision markers with
/// <c>[… </c>; group counts with <c>[×</c>. A text whose first line is our header and that fits the budget is left
/// alone, which makes compression idempotent without running it twice.
/// </summary>
public static class Markers
{
    /// <summary>First characters of the digest header.</summary>
    public const string HeaderPrefix = "[dm: ";

    /// <summary>Every elision marker starts with this.</summary>
    public const string Prefix = "[… ";

    /// <summary>Text that precedes the raw-output path in the header.</summary>
    public const string FullOutputLabel = "full output: ";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary><c>[… 1,020 lines elided]</c></summary>
    public static string Elided(int lines) => lines == 1 ? "[… 1 line elided]" : string.Format(Inv, "[… {0:N0} lines elided]", lines);

    /// <summary>Placed after the first exemplar of a template: <c>[×523 like the line above, lines 12–4,180]</c>, or with
    /// what varies across its lines: <c>[×490 like the line above, lines 2–1,980 · rhost: 218.188.2.4 ×37, … 84 distinct]</c>.</summary>
    public static string Group(int count, int firstLine, int lastLine, string? variation = null) => variation is null
        ? string.Format(Inv, "[×{0:N0} like the line above, lines {1:N0}–{2:N0}]", count, firstLine, lastLine)
        : string.Format(Inv, "[×{0:N0} like the line above, lines {1:N0}–{2:N0} · {3}]", count, firstLine, lastLine, variation);

    /// <summary>After the lines kept of one file of a grep result: <c>[… 410 more in ./context.go]</c>.</summary>
    public static string MoreIn(int count, string key) => string.Format(Inv, "[… {0:N0} more in {1}]", count, key);

    /// <summary>Inserted in the middle of an over-long line.</summary>
    public static string CharsElided(int chars) => string.Format(Inv, " [… {0:N0} chars elided] ", chars);

    public static bool IsMarker(ReadOnlySpan<char> line) =>
        line.StartsWith(Prefix, StringComparison.Ordinal) || line.StartsWith("[×", StringComparison.Ordinal) || line.StartsWith(HeaderPrefix, StringComparison.Ordinal);

    /// <summary>True when <paramref name="text"/> starts with our digest header.</summary>
    public static bool StartsWithHeader(string text) => text.StartsWith(HeaderPrefix, StringComparison.Ordinal);
}
