namespace DistributedModel.Compression;

/// <summary>
/// An exception type named before a colon or at the end of a line: <c>KeyError: 'total'</c>,
/// <c>System.Collections.Generic.KeyNotFoundException : The given key…</c>, <c>java.io.IOException: Broken pipe</c>,
/// <c>AssertionError</c>. The name must be an identifier that ends in <c>Error</c> or <c>Exception</c> (case-sensitive).
/// </summary>
public static class ExceptionName
{
    /// <summary>Index where the exception name starts, or -1.</summary>
    public static int Find(ReadOnlySpan<char> line)
    {
        int found = FindSuffix(line, "Exception");
        int error = FindSuffix(line, "Error");
        return found < 0 ? error : error < 0 ? found : Math.Min(found, error);
    }

    private static int FindSuffix(ReadOnlySpan<char> line, string suffix)
    {
        int from = 0;
        while (from < line.Length)
        {
            int rel = line[from..].IndexOf(suffix, StringComparison.Ordinal);
            if (rel < 0) return -1;
            int at = from + rel, end = at + suffix.Length;
            from = end;
            if (end < line.Length && VocabularyMatcher.IsWordChar(line[end])) continue;
            var rest = line[end..].TrimStart(' ');
            if (!(rest.IsEmpty || rest[0] == ':')) continue;
            int start = at;
            while (start > 0 && (VocabularyMatcher.IsWordChar(line[start - 1]) || line[start - 1] == '.')) start--;
            return start;
        }
        return -1;
    }
}
