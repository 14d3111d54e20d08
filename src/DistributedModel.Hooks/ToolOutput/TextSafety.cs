namespace DistributedModel.Hooks.ToolOutput;

/// <summary>Recognises text a compressor must not touch: binary data decoded into a string.</summary>
public static class TextSafety
{
    /// <summary>
    /// True when <paramref name="text"/> looks binary: a NUL character, a replacement character run from invalid
    /// UTF-8, or more than 10% control characters (other than tab, newline, carriage return, escape, backspace, form feed)
    /// in its first 8 K characters.
    /// </summary>
    public static bool LooksBinary(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan(0, Math.Min(text.Length, 8192));
        if (text.Contains('\0', StringComparison.Ordinal)) return true;
        int control = 0, replacement = 0;
        foreach (var c in span)
        {
            if (c == '\uFFFD') replacement++;
            else if (c < 0x20 && c is not ('\t' or '\n' or '\r' or '\u001b' or '\b' or '\f')) control++;
        }
        return span.Length > 0 && (control * 10 > span.Length || replacement * 20 > span.Length);
    }
}
