using System.Text.RegularExpressions;

namespace DistributedModel.Compression.Steps;

/// <summary>Removes terminal escape sequences: CSI (colours, cursor moves), OSC (titles, hyperlinks) and two-byte escapes.</summary>
public static partial class AnsiStripper
{
    public static string Strip(string text)
    {
        if (text.IndexOf('\u001b') < 0 && text.IndexOf('\u009b') < 0) return text;
        return EscapeRegex().Replace(text, "");
    }

    /// <summary>
    /// <c>Strip(text).Split('\n')</c> without the stripped copy of the whole text: each line is stripped on its own, which
    /// is the same whenever no escape can span a line break (only OSC can; such texts take the whole-text path).
    /// A trailing newline yields no empty last line; <paramref name="endsWithNewline"/> says whether there was one.
    /// Lines without escapes are slices of <paramref name="text"/> (no copy).
    /// </summary>
    public static List<ReadOnlyMemory<char>> StripLines(string text, out bool endsWithNewline)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains("\u001b]", StringComparison.Ordinal))
        {
            var whole = Strip(text);
            endsWithNewline = whole.EndsWith('\n');
            var all = new List<ReadOnlyMemory<char>>();
            foreach (var r in whole.AsSpan().Split('\n')) all.Add(whole.AsMemory(r));
            if (endsWithNewline) all.RemoveAt(all.Count - 1);
            return all;
        }
        var lines = new List<ReadOnlyMemory<char>>(text.AsSpan().Count('\n') + 1);
        // Stripped lines share one unzeroed buffer, sized on first use for everything that follows (stripping only shrinks).
        char[]? stripped = null;
        int used = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range);
            if (line.IndexOfAny('\u001b', '\u009b') < 0) { lines.Add(text.AsMemory(range)); continue; }
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

    // OSC: ESC ] ... (BEL | ESC \) ; CSI: ESC [ params intermediates final (or the 8-bit CSI 0x9B); other: ESC + one char.
    [GeneratedRegex(@"\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b[()*+][0-9A-Za-z]|\u001b[@-Z\\-_]|\u001b", RegexOptions.CultureInvariant)]
    private static partial Regex EscapeRegex();
}
