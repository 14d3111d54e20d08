using System.Text.RegularExpressions;

namespace DistributedModel.Compression.Steps;

/// <summary>
/// Test-runner output: lines that only report a passing test (pytest <c>PASSED</c>, jest/vitest <c>✓</c>, go
/// <c>--- PASS</c>, cargo <c>... ok</c>, dotnet <c>Passed X</c>, TAP <c>ok N</c>) become one count marker where the first
/// was. Failing tests, their messages and stack frames are untouched (they are important lines).
/// </summary>
public static partial class PassingTestCollapser
{
    public static List<Line> Collapse(List<Line> lines)
    {
        int first = -1, count = 0;
        var passing = new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
            if (!lines[i].Important && IsPassingTestLine(lines[i].Chars.Span)) { passing[i] = true; count++; if (first < 0) first = i; }
        if (count < 2) return lines;

        var result = new List<Line>(lines.Count - count + 1);
        for (int i = 0; i < lines.Count; i++)
        {
            if (i == first) result.Add(Line.Marker(Markers.PassingTests(count)));
            if (!passing[i]) result.Add(lines[i]);
        }
        return result;
    }

    public static bool IsPassingTestLine(string line) => IsPassingTestLine(line.AsSpan());

    /// <summary>As <see cref="IsPassingTestLine(string)"/> for a slice of a larger text.</summary>
    public static bool IsPassingTestLine(ReadOnlySpan<char> line)
    {
        if (line.Length == 0 || line.Length > 400) return false;
        var t = line.TrimStart();
        if (t.StartsWith("✓") || t.StartsWith("✔") || t.StartsWith("√") || t.StartsWith("--- PASS") || t.StartsWith("=== RUN")
            || t.StartsWith("PASS ") || t.StartsWith("Passed ")) return true;
        // Every alternative of the regex needs "::", a line starting "test ", or (after leading whitespace) "ok" or '[':
        // lines with none of them (most output) skip it.
        bool candidate = line.Contains("::", StringComparison.Ordinal) || line.StartsWith("test ", StringComparison.Ordinal)
            || t.StartsWith("ok") || t.StartsWith('[');
        return candidate && PassingRegex().IsMatch(line);
    }

    [GeneratedRegex(@"(?:::\S+ PASSED\b|^\s*ok \d+ |^test \S+ \.\.\. ok$|^\s*\[\s*(?:OK|PASSED)\s*\]|^\s*\[PASS\]|^\s*ok\s+\S+\s+[\d.]+s$)", RegexOptions.CultureInvariant)]
    private static partial Regex PassingRegex();
}
