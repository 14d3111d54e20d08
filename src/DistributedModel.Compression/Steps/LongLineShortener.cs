namespace DistributedModel.Compression.Steps;

/// <summary>
/// Shortens lines over a limit (minified JSON, base64 blobs) by cutting the middle; keeps the start, where a
/// <c>file:line</c> prefix or the message sits, and the end.
/// </summary>
public static class LongLineShortener
{
    public static string Shorten(string line, int maxChars) => Shorten(line.AsMemory(), maxChars).ToString();

    /// <summary>As <see cref="Shorten(string, int)"/>; returns <paramref name="line"/> itself when it fits.</summary>
    public static ReadOnlyMemory<char> Shorten(ReadOnlyMemory<char> line, int maxChars)
    {
        if (line.Length <= maxChars || maxChars < 64) return line;
        // The result, marker included, stays within maxChars, so a second pass leaves it alone.
        int room = maxChars - 32;
        int tail = room / 5;
        int head = room - tail;
        int cut = line.Length - head - tail;
        return string.Concat(line.Span[..head], Markers.CharsElided(cut), line.Span[^tail..]).AsMemory();
    }
}
