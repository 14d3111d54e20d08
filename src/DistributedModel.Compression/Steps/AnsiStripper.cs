using System.Buffers;
using System.Text.RegularExpressions;

namespace DistributedModel.Compression.Steps;

/// <summary>
/// Removes terminal escape sequences: CSI (colours, cursor moves), OSC (titles, hyperlinks) and two-byte escapes.
/// An escape never runs past a line end: an unterminated OSC (<c>ESC ] 0;title</c> with no BEL/ST) ends at the line's
/// end, so the lines after it — error lines included — are never swallowed.
/// <para>The escapes that move the cursor to another line — <c>ESC E</c> (NEL, next line), <c>ESC D</c> (IND, index:
/// down one line), <c>ESC M</c> (RI, reverse index: up one line) — and the C1 control NEL (<c>U+0085</c>) end the line
/// instead of vanishing: what follows them is written on another line of the terminal, so it is a line of its own here
/// (<c>50%ESC EError: x</c> is the two lines <c>50%</c> and <c>Error: x</c>, not <c>50%Error: x</c>, in which no word
/// "Error" could be found).</para>
/// </summary>
public static partial class AnsiStripper
{
    /// <summary>What a line must hold for it to need stripping or splitting.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create("\u001b\u009b\u0085");

    /// <summary>The text with every escape sequence removed, line by line; the line-moving escapes become <c>\n</c>.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Special) < 0) return text;
        return EscapeRegex().Replace(text, static m => IsLineBreak(m.ValueSpan) ? "\n" : "");
    }

    /// <summary>
    /// <c>Strip(text).Split('\n')</c> without a stripped copy of the whole text. A trailing newline yields no empty last
    /// line; <paramref name="endsWithNewline"/> says whether there was one. Lines without escapes are slices of
    /// <paramref name="text"/> (no copy); stripped lines share one buffer. When <paramref name="offsets"/> is given, it
    /// gets where each line starts in <paramref name="text"/> (a line begun by a line-moving escape starts after it).
    /// </summary>
    public static List<ReadOnlyMemory<char>> StripLines(string text, out bool endsWithNewline, List<int>? offsets = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<ReadOnlyMemory<char>>(text.AsSpan().Count('\n') + 1);
        offsets?.EnsureCapacity(lines.Capacity);
        char[]? stripped = null;
        int used = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range);
            int lineStart = range.Start.GetOffset(text.Length);
            if (line.IndexOfAny(Special) < 0)
            {
                lines.Add(text.AsMemory(range));
                offsets?.Add(lineStart);
                continue;
            }
            // Stripping only shrinks: one buffer sized for everything that follows holds every stripped line.
            stripped ??= GC.AllocateUninitializedArray<char>(text.Length - lineStart);
            int start = used, from = 0, pieceStart = lineStart;
            foreach (var m in EscapeRegex().EnumerateMatches(line))
            {
                line[from..m.Index].CopyTo(stripped.AsSpan(used));
                used += m.Index - from;
                from = m.Index + m.Length;
                if (!IsLineBreak(line.Slice(m.Index, m.Length))) continue;
                lines.Add(stripped.AsMemory(start, used - start));
                offsets?.Add(pieceStart);
                start = used;
                pieceStart = lineStart + from;
            }
            line[from..].CopyTo(stripped.AsSpan(used));
            used += line.Length - from;
            lines.Add(stripped.AsMemory(start, used - start));
            offsets?.Add(pieceStart);
        }
        endsWithNewline = lines.Count > 1 && lines[^1].Length == 0 && text.EndsWith('\n');
        if (endsWithNewline)
        {
            lines.RemoveAt(lines.Count - 1);
            offsets?.RemoveAt(offsets.Count - 1);
        }
        return lines;
    }

    /// <summary>ESC E (NEL), ESC D (IND), ESC M (RI) or the C1 NEL: the cursor goes to another line.</summary>
    private static bool IsLineBreak(ReadOnlySpan<char> escape) =>
        escape.Length == 2 ? escape[1] is 'E' or 'D' or 'M' : escape.Length == 1 && escape[0] == '\u0085';

    // OSC: ESC ] ... (BEL | ESC \ | end of line); CSI: ESC [ params intermediates final (or the 8-bit CSI 0x9B);
    // other: ESC + one char (ESC E/D/M among them: line breaks); the C1 NEL (a line break). No alternative crosses '\n'.
    [GeneratedRegex(@"\u001b\][^\u0007\u001b\n]*(?:\u0007|\u001b\\)?|(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b[()*+][0-9A-Za-z]|\u001b[@-Z\\-_]|\u001b|\u0085", RegexOptions.CultureInvariant)]
    private static partial Regex EscapeRegex();
}
