namespace DistributedModel.Compression.Steps;

/// <summary>
/// Progress bars and spinners rewrite a line with <c>\r</c>; a terminal shows only the final state.
/// Each line keeps what follows its last non-empty <c>\r</c>-separated segment (CRLF endings are plain line ends).
/// </summary>
public static class CarriageReturnCollapser
{
    public static string FinalState(string line) => FinalState(line.AsMemory()).ToString();

    /// <summary>As <see cref="FinalState(string)"/>, returning a slice of <paramref name="line"/> (no copy).</summary>
    public static ReadOnlyMemory<char> FinalState(ReadOnlyMemory<char> line)
    {
        if (line.Span.IndexOf('\r') < 0) return line;
        var trimmed = line.TrimEnd('\r');
        int last = trimmed.Span.LastIndexOf('\r');
        while (last >= 0)
        {
            var tail = trimmed[(last + 1)..];
            if (!tail.Span.IsWhiteSpace()) return tail;
            trimmed = trimmed[..last];
            last = trimmed.Span.LastIndexOf('\r');
        }
        return trimmed;
    }
}
