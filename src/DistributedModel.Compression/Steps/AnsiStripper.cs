using System.Buffers;
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
    /// </summary>
    public static List<string> StripLines(string text, out bool endsWithNewline)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains("\u001b]", StringComparison.Ordinal))
        {
            var stripped = Strip(text);
            endsWithNewline = stripped.EndsWith('\n');
            var all = stripped.Split('\n');
            return new List<string>(endsWithNewline ? all.AsSpan(0, all.Length - 1).ToArray() : all);
        }
        var lines = new List<string>(text.AsSpan().Count('\n') + 1);
        char[]? buffer = null;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range);
            if (line.IndexOfAny('\u001b', '\u009b') < 0) { lines.Add(line.ToString()); continue; }
            if (buffer is null || buffer.Length < line.Length)
            {
                if (buffer is not null) ArrayPool<char>.Shared.Return(buffer);
                buffer = ArrayPool<char>.Shared.Rent(line.Length);
            }
            int n = 0, from = 0;
            foreach (var m in EscapeRegex().EnumerateMatches(line))
            {
                line[from..m.Index].CopyTo(buffer.AsSpan(n));
                n += m.Index - from;
                from = m.Index + m.Length;
            }
            line[from..].CopyTo(buffer.AsSpan(n));
            n += line.Length - from;
            lines.Add(new string(buffer, 0, n));
        }
        if (buffer is not null) ArrayPool<char>.Shared.Return(buffer);
        endsWithNewline = lines.Count > 1 && lines[^1].Length == 0;
        if (endsWithNewline) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    // OSC: ESC ] ... (BEL | ESC \) ; CSI: ESC [ params intermediates final (or the 8-bit CSI 0x9B); other: ESC + one char.
    [GeneratedRegex(@"\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b[()*+][0-9A-Za-z]|\u001b[@-Z\\-_]|\u001b", RegexOptions.CultureInvariant)]
    private static partial Regex EscapeRegex();
}
