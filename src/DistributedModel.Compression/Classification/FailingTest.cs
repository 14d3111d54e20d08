using System.Text.RegularExpressions;

namespace DistributedModel.Compression;

/// <summary>
/// A line that names one failing test, in the forms test runners print: pytest (<c>FAILED tests/x.py::test_y - …</c>,
/// <c>tests/x.py::test_y FAILED</c>), <c>dotnet test</c> (<c>  Failed Ns.Class.Test [6 ms]</c>, <c>[xUnit.net …] Ns.Class.Test
/// [FAIL]</c>) and cargo (<c>test a::b ... FAILED</c>) — each form taken from a real run in the test corpus. <see cref="Id"/> is the test's name as written, so the forms one runner prints for the same test
/// (the progress line and the summary line) are one test.
/// </summary>
internal static partial class FailingTest
{
    /// <summary>The failing test's name, or empty when the line names none.</summary>
    public static ReadOnlySpan<char> Id(ReadOnlySpan<char> line)
    {
        if (line.Length > 2048 || !(line.Contains("FAIL", StringComparison.Ordinal) || line.Contains("Failed ", StringComparison.Ordinal)))
            return default;
        foreach (var m in FormsRegex().EnumerateMatches(line))
        {
            // Which form matched is told by how the match starts (Name).
            var text = line.Slice(m.Index, m.Length);
            return Name(text);
        }
        return default;
    }

    private static ReadOnlySpan<char> Name(ReadOnlySpan<char> match)
    {
        var s = match.Trim();
        if (s.StartsWith("FAILED ", StringComparison.Ordinal)) { s = s[7..]; int dash = s.IndexOf(" - ", StringComparison.Ordinal); return dash > 0 ? s[..dash] : s; }
        if (s.StartsWith("Failed ", StringComparison.Ordinal)) { s = s[7..]; return s[..s.LastIndexOf(" [", StringComparison.Ordinal)]; }
        if (s.StartsWith("[xUnit.net ", StringComparison.Ordinal)) { s = s[(s.IndexOf(']') + 1)..].Trim(); return s[..^" [FAIL]".Length]; }
        if (s.StartsWith("test ", StringComparison.Ordinal)) return s[5..s.IndexOf(" ... ", StringComparison.Ordinal)];
        int failed = s.IndexOf(" FAILED", StringComparison.Ordinal); // pytest -v: "tests/x.py::test_y FAILED    [ 12%]"
        return failed > 0 ? s[..failed] : s;
    }

    [GeneratedRegex(
        @"^FAILED \S+::\S+(?: - .*)?$" +
        @"|^\S+::\S+ FAILED\b" +
        @"|^\s*Failed [\w.`+<>,-]+(?:\(.*\))? \[[^\]]*\]\s*$" +
        @"|^\[xUnit\.net [\d:.]+\]\s+\S.*? \[FAIL\]\s*$" +
        @"|^test \S+ \.\.\. FAILED\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex FormsRegex();
}
