using DistributedModel.Compression;

namespace DistributedModel.Cli.Discover;

/// <summary>
/// Recognises what the PostToolUse hook put into a tool_result: its digest header (<see cref="Markers.HeaderPrefix"/>,
/// e.g. <c>[dm: 200 KB, 3,186 lines → 3.7 KB · 5 errors · …]</c>) on the first line — after Claude Code's line-number
/// prefix (<c>1\t</c>) for a Read — and the raw-store path the header names. Claude Code 2.1.197–2.1.332 write the hook's
/// <c>updatedToolOutput</c> into the transcript, never the output it replaced.
/// </summary>
public static class DigestMark
{
    /// <summary>True when <paramref name="contextText"/> starts with our header.</summary>
    public static bool InContext(string contextText)
    {
        ArgumentNullException.ThrowIfNull(contextText);
        return FirstLine(contextText).StartsWith(Markers.HeaderPrefix, StringComparison.Ordinal);
    }

    /// <summary>The path after <c>full output: </c> in our header, or null.</summary>
    public static string? FullOutputPath(string contextText)
    {
        ArgumentNullException.ThrowIfNull(contextText);
        var line = FirstLine(contextText);
        if (!line.StartsWith(Markers.HeaderPrefix, StringComparison.Ordinal)) return null;
        int at = line.IndexOf(Markers.FullOutputLabel, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = line[(at + Markers.FullOutputLabel.Length)..];
        int end = rest.IndexOf(" · ", StringComparison.Ordinal);
        var path = (end >= 0 ? rest[..end] : rest).TrimEnd(']');
        return path.Length == 0 ? null : path.ToString();
    }

    /// <summary>The first line, without a Read's <c>N\t</c> (or <c>N→</c>) line-number prefix.</summary>
    private static ReadOnlySpan<char> FirstLine(string text)
    {
        var span = text.AsSpan();
        int nl = span.IndexOf('\n');
        var line = nl >= 0 ? span[..nl] : span;
        var trimmed = line.TrimStart(' ');
        int digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits])) digits++;
        if (digits > 0 && digits < trimmed.Length && trimmed[digits] is '\t' or '→') return trimmed[(digits + 1)..];
        return line;
    }
}
