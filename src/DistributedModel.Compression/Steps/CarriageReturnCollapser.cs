namespace DistributedModel.Compression.Steps;

/// <summary>
/// Progress bars and spinners rewrite a line with <c>\r</c>; a terminal shows only the final state.
/// Each line keeps what follows its last non-empty <c>\r</c>-separated segment (CRLF endings are plain line ends).
/// </summary>
public static class CarriageReturnCollapser
{
    public static string FinalState(string line)
    {
        int cr = line.IndexOf('\r');
        if (cr < 0) return line;
        var trimmed = line.AsSpan().TrimEnd('\r');
        int last = trimmed.LastIndexOf('\r');
        while (last >= 0)
        {
            var tail = trimmed[(last + 1)..];
            if (!tail.IsWhiteSpace()) return tail.ToString();
            trimmed = trimmed[..last];
            last = trimmed.LastIndexOf('\r');
        }
        return trimmed.ToString();
    }
}
