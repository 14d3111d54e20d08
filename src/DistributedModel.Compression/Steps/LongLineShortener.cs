namespace DistributedModel.Compression.Steps;

/// <summary>
/// Shortens lines over a limit (minified JSON, base64 blobs, compiler command lines) by cutting the middle; keeps the
/// start, where a <c>file:line</c> prefix or the message sits, and the end. When the word that made the line an error
/// or a warning sits deep in the line, a window around it is kept instead of the end: classification has seen the
/// whole line, and the reason it was kept must survive the cut.
/// </summary>
public static class LongLineShortener
{
    /// <summary>Room left for the text around the elision marker(s).</summary>
    private const int MarkerRoom = 48;

    public static string Shorten(string line, int maxChars, int keepAt = -1) => Shorten(line.AsMemory(), maxChars, keepAt).ToString();

    /// <summary>As <see cref="Shorten(string, int, int)"/>; returns <paramref name="line"/> itself when it fits. The result,
    /// markers included, is at most <paramref name="maxChars"/> characters.</summary>
    public static ReadOnlyMemory<char> Shorten(ReadOnlyMemory<char> line, int maxChars, int keepAt = -1)
    {
        if (line.Length <= maxChars || maxChars < 128) return line;
        var s = line.Span;
        int room = maxChars - MarkerRoom;
        int tail = room / 5;
        int head = room - tail;
        if (keepAt < 0 || keepAt + 64 <= head)
            return string.Concat(s[..head], Markers.CharsElided(line.Length - head - tail), s[^tail..]).AsMemory();

        // head … window around the deciding word … (end dropped)
        head = room / 3;
        int windowStart = Math.Max(head, keepAt - room / 6);
        int windowEnd = Math.Min(line.Length, windowStart + (room - head - MarkerRoom / 2));
        var first = Markers.CharsElided(windowStart - head);
        var rest = windowEnd < line.Length ? Markers.CharsElided(line.Length - windowEnd) : "";
        return string.Concat(string.Concat(s[..head], first), string.Concat(s[windowStart..windowEnd], rest)).AsMemory();
    }
}
