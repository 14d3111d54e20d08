namespace DistributedModel.Compression;

/// <summary>
/// Lines that belong to an error's stack trace or exception chain: .NET/Java/JavaScript <c>at …</c>, Python
/// <c>File "…", line N</c>, Rust <c>  3: symbol</c>, Go <c>\tpath.go:12 +0x1d</c> and <c>goroutine 1 [running]:</c>,
/// and the chain's connective lines (<c>Caused by:</c>, <c>The above exception was the direct cause…</c>,
/// <c>--- End of inner exception stack trace ---</c>, <c>... 12 more</c>).
/// </summary>
public static class StackFrame
{
    public static bool Is(ReadOnlySpan<char> line)
    {
        if (line.Length == 0 || line.Length > 2000) return false;
        line = WithoutBracketPrefix(line);
        var t = line.TrimStart();
        bool indented = t.Length < line.Length;
        if (t.StartsWith("at ", StringComparison.Ordinal))
            return indented && (t.Contains('(') || t.Contains(':'));
        if (t.StartsWith("File \"", StringComparison.Ordinal)) return t.Contains("\", line ", StringComparison.Ordinal);
        if (t.StartsWith("Caused by:", StringComparison.Ordinal) || t.StartsWith("--- End of", StringComparison.Ordinal)
            || t.StartsWith("The above exception was", StringComparison.Ordinal)
            || t.StartsWith("During handling of the above exception", StringComparison.Ordinal)
            || t.StartsWith("Stack Trace:", StringComparison.OrdinalIgnoreCase) || t.StartsWith("Stack trace:", StringComparison.Ordinal)
            || t.StartsWith("stack backtrace:", StringComparison.Ordinal) || t.StartsWith("goroutine ", StringComparison.Ordinal))
            return true;
        if (t.StartsWith("...", StringComparison.Ordinal) && t.EndsWith("more", StringComparison.Ordinal)) return true;
        if (indented && t.Length > 2 && char.IsAsciiDigit(t[0]))
        {
            int k = 1;
            while (k < t.Length && char.IsAsciiDigit(t[k])) k++;
            if (k + 1 < t.Length && t[k] == ':' && t[k + 1] == ' ') return true; // Rust backtrace "  3: symbol"
        }
        if (line[0] == '\t' && t.Contains(".go:", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>A line that opens a stack trace by itself (<c>Stack Trace:</c>, <c>Caused by:</c>): the frames after it
    /// belong to an error even when a line without failure words (<c>Expected: 42</c>) came between.</summary>
    public static bool OpensTrace(ReadOnlySpan<char> line)
    {
        var t = WithoutBracketPrefix(line).Trim();
        return t.StartsWith("Stack Trace:", StringComparison.OrdinalIgnoreCase) || t.StartsWith("Caused by:", StringComparison.Ordinal)
            || t.StartsWith("stack backtrace:", StringComparison.Ordinal) || t.StartsWith("Traceback (most recent call last)", StringComparison.Ordinal);
    }

    /// <summary>Drops a runner's bracketed prefix (<c>[xUnit.net 00:00:01.02]</c>, <c>[12:00:01]</c>) before looking at a frame.</summary>
    private static ReadOnlySpan<char> WithoutBracketPrefix(ReadOnlySpan<char> line)
    {
        if (line.Length < 3 || line[0] != '[') return line;
        int close = line.IndexOf(']');
        return close > 0 && close < 48 ? line[(close + 1)..] : line;
    }

    /// <summary>A Python frame (<c>File "x", line N, in f</c>): the indented source and caret lines after it belong to it.</summary>
    public static bool IsPythonFrame(ReadOnlySpan<char> line) =>
        line.TrimStart().StartsWith("File \"", StringComparison.Ordinal) && line.Contains("\", line ", StringComparison.Ordinal);
}
