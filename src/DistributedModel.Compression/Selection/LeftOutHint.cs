using System.Globalization;
using System.Text;

namespace DistributedModel.Compression.Selection;

/// <summary>
/// What the header says when the distinct failures did not all fit: how many failure kinds are shown of how many, and
/// the cheapest way to see the first one left out — a fixed-string <c>grep -nF -e</c> (so a pattern that starts with a dash is not an option) for its longest run of words without
/// digits in the full output, e.g. <c>38 of 56 failure kinds shown · first left out: grep -nF -e 'Cannot open channel to'
/// '/repo/.claude/dm/raw/x.txt'</c>. Both arguments are single-quoted for a POSIX shell; the pattern never holds a quote,
/// a backslash or a control character, so the command runs as written.
/// </summary>
internal static class LeftOutHint
{
    /// <summary>Longest pattern written (characters): enough to pick out a template, short enough for a header.</summary>
    public const int MaxPatternChars = 60;

    /// <summary>Shortest pattern worth a grep: fewer characters match too much to help.</summary>
    private const int MinPatternChars = 8;

    /// <summary>Most UTF-8 bytes the two parts may add to a header (each with its <c> · </c> separator): the pricing
    /// reserves this much when it must rebuild a digest to make room for them.</summary>
    public static int MaxBytes(string? fullOutputPath) =>
        Encoding.UTF8.GetByteCount(" · " + Kinds(99_999, 99_999)) + (fullOutputPath is null ? 0 : Encoding.UTF8.GetByteCount(" · " + Grep(new string('x', MaxPatternChars), fullOutputPath)) + 2 * MaxPatternChars);

    /// <summary><c>38 of 56 failure kinds shown</c>.</summary>
    public static string Kinds(int kinds, int shown) =>
        string.Format(CultureInfo.InvariantCulture, "{0:N0} of {1:N0} failure kinds shown", shown, kinds);

    /// <summary><c>first left out: grep -nF -e 'PATTERN' 'PATH'</c>, or null when the line has no pattern worth a grep.</summary>
    public static string? Grep(ReadOnlySpan<char> firstLeftOut, string fullOutputPath)
    {
        var pattern = Pattern(firstLeftOut);
        return pattern is null ? null : string.Concat("first left out: grep -nF -e '", pattern, "' ", Quote(fullOutputPath));
    }

    /// <summary>The longest run of consecutive whitespace-separated tokens that hold no digit and nothing a shell or grep
    /// would read specially, cut to <see cref="MaxPatternChars"/> at a token boundary; null when none is long enough.</summary>
    internal static string? Pattern(ReadOnlySpan<char> line)
    {
        int bestStart = 0, bestLength = 0, runStart = -1, i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            int b = i;
            bool plain = true;
            while (i < line.Length && line[i] is not (' ' or '\t'))
            {
                char c = line[i++];
                if (char.IsAsciiDigit(c) || c is '\'' or '\\' || char.IsControl(c)) plain = false;
            }
            bool end = b == i;
            if (!end && plain)
            {
                if (runStart < 0) runStart = b;
                // Measured capped: a longer run is no better a pattern than its first MaxPatternChars.
                int length = Math.Min(i - runStart, MaxPatternChars);
                if (length > Math.Min(bestLength, MaxPatternChars)) { bestStart = runStart; bestLength = i - runStart; }
            }
            else runStart = -1;
            if (end) break;
        }
        if (Math.Min(bestLength, MaxPatternChars) < MinPatternChars) return null;
        var run = line.Slice(bestStart, bestLength);
        if (run.Length > MaxPatternChars)
        {
            int cut = run[..(MaxPatternChars + 1)].LastIndexOfAny(' ', '\t');
            int at = cut >= MinPatternChars ? cut : char.IsHighSurrogate(run[MaxPatternChars - 1]) ? MaxPatternChars - 1 : MaxPatternChars;
            run = run[..at];
        }
        return run.ToString();
    }

    /// <summary>Single-quoted for a POSIX shell: each <c>'</c> becomes <c>'\''</c>.</summary>
    private static string Quote(string path) => string.Concat("'", path.Replace("'", "'\\''", StringComparison.Ordinal), "'");
}
