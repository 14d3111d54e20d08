using System.Text.RegularExpressions;

namespace DistributedModel.Compression.Steps;

/// <summary>
/// Removes terminal escape sequences: CSI (colours, cursor moves), OSC (titles, hyperlinks) and two-byte escapes.
/// An escape never runs past a line end: an unterminated OSC (<c>ESC ] 0;title</c> with no BEL/ST) ends at the line's
/// end, so the lines after it — error lines included — are never swallowed.
/// </summary>
public static partial class AnsiStripper
{
    /// <summary>The text with every escape sequence removed, line by line.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('\u001b', '\u009b') < 0) return text;
        return EscapeRegex().Replace(text, "");
    }

    /// <summary>
    /// <c>Strip(text).Split('\n')</c> without a stripped copy of the whole text. A trailing newline yields no empty last
    /// line; <paramref name="endsWithNewline"/> says whether there was one. Lines without escapes are slices of
    /// <paramref name="text"/> (no copy); stripped lines share one buffer.
    /// </summary>
    public static List<ReadOnlyMemory<char>> StripLines(string text, out bool endsWithNewline)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<ReadOnlyMemory<char>>(text.AsSpan().Count('\n') + 1);
        char[]? stripped = null;
        int used = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range);
            if (line.IndexOfAny('\u001b', '\u009b') < 0) { lines.Add(text.AsMemory(range)); continue; }
            // Stripping only shrinks: one buffer sized for everything that follows holds every stripped line.
            stripped ??= GC.AllocateUninitializedArray<char>(text.Length - range.Start.GetOffset(text.Length));
            int start = used, from = 0;
            foreach (var m in EscapeRegex().EnumerateMatches(line))
            {
                line[from..m.Index].CopyTo(stripped.AsSpan(used));
                used += m.Index - from;
                from = m.Index + m.Length;
            }
            line[from..].CopyTo(stripped.AsSpan(used));
            used += line.Length - from;
            lines.Add(stripped.AsMemory(start, used - start));
        }
        endsWithNewline = lines.Count > 1 && lines[^1].Length == 0;
        if (endsWithNewline) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    // OSC: ESC ] ... (BEL | ESC \ | end of line); CSI: ESC [ params intermediates final (or the 8-bit CSI 0x9B);
    // other: ESC + one char. No alternative crosses '\n'.
    [GeneratedRegex(@"\u001b\][^\u0007\u001b\n]*(?:\u0007|\u001b\\)?|(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b[()*+][0-9A-Za-z]|\u001b[@-Z\\-_]|\u001b", RegexOptions.CultureInvariant)]
    private static partial Regex EscapeRegex();
}
