using System.Text.RegularExpressions;

namespace DistributedModel.Compression.Selection;

/// <summary>Recognises grep results (<c>path:12:text</c>, <c>path:12-context</c>) and plain path lists (find, ls -R, git ls-files).
/// A compiler's diagnostics (<c>src/x.c:12:5: error: …</c>, <c>src\x.cpp(12,5): error C2065: …</c>) look like grep
/// results but are not search hits: when a quarter of the lines sampled are, the output is a build's, digested by
/// severity with its errors counted.</summary>
internal static partial class OutputShape
{
    private const int Sample = 400;

    public static CompressionKind Detect(IReadOnlyList<ReadOnlyMemory<char>> lines)
    {
        int seen = 0, grep = 0, paths = 0, diagnostics = 0;
        foreach (var l in lines)
        {
            var s = l.Span;
            if (s.IsWhiteSpace() || s.SequenceEqual("--")) continue;
            if (++seen > Sample) break;
            if (IsCompilerDiagnostic(s)) diagnostics++;
            if (GrepKey(s).Length > 0) grep++;
            else if (IsPath(s)) paths++;
        }
        if (seen < 8 || diagnostics * 4 >= seen) return CompressionKind.Digest;
        if (grep * 10 >= seen * 9) return CompressionKind.Grep;
        if (paths * 10 >= seen * 9) return CompressionKind.FileList;
        return CompressionKind.Digest;
    }

    /// <summary>Output of <c>git log</c> (any format that prints <c>commit &lt;hash&gt;</c> then <c>Author: </c>, as the default,
    /// <c>--stat</c> and <c>-p</c> do): it starts with a commit line, and among the lines sampled every commit line is
    /// followed by an author line.</summary>
    public static bool IsGitLog(IReadOnlyList<ReadOnlyMemory<char>> lines)
    {
        int commits = 0, authors = 0, seen = 0;
        bool first = true;
        foreach (var l in lines)
        {
            var s = l.Span;
            if (s.IsWhiteSpace()) continue;
            if (++seen > Sample) break;
            bool commit = CommitRegex().IsMatch(s);
            if (first && !commit) return false;
            first = false;
            if (commit) commits++;
            else if (s.StartsWith("Author: ", StringComparison.Ordinal)) authors++;
        }
        return commits > 0 && authors >= commits - 1;
    }

    [GeneratedRegex(@"^commit [0-9a-f]{7,64}(?: \(.*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitRegex();

    /// <summary>The file of a grep line (<c>path:12:</c>, <c>path:12-</c>, or <c>dir/path:</c> without line numbers), or empty.</summary>
    public static ReadOnlySpan<char> GrepKey(ReadOnlySpan<char> s)
    {
        int colon = s.IndexOf(':');
        if (colon <= 0) return default;
        var path = s[..colon];
        if (path.ContainsAny(' ', '\t') || !(path.Contains('/') || path.Contains('.')) || path.EndsWith("http") || path.EndsWith("https")) return default;
        if (!LooksLikePath(path) || !(path.Contains('/') || HasFileExtension(path))) return default;
        int k = colon + 1;
        while (k < s.Length && char.IsAsciiDigit(s[k])) k++;
        if (k > colon + 1 && k < s.Length && s[k] is ':' or '-') return path;
        // grep -r without -n; not a pytest node id (tests/test_x.py::test_y) or a C++/Rust path (a/b::c).
        if (k == colon + 1 && path.Contains('/') && !(k < s.Length && s[k] == ':')) return path;
        return default;
    }

    /// <summary><c>path:line[:col]: error|warning|note: …</c> (gcc, clang, rustc's short form, Go vet), or MSVC's
    /// <c>path(line[,col]): error|warning CODE: …</c>; a <c>fatal error</c> too.</summary>
    public static bool IsCompilerDiagnostic(ReadOnlySpan<char> s) => s.Length <= 4096 && CompilerDiagnosticRegex().IsMatch(s);

    [GeneratedRegex(@"^(?:[A-Za-z]:)?[^\s:()]+(?::\d+(?::\d+)?:|\(\d+(?:,\d+)*\)\s?:)\s(?:fatal\s)?(?:error|warning|note)(?:\s[A-Z]{1,8}\d{1,6})?:\s", RegexOptions.CultureInvariant)]
    private static partial Regex CompilerDiagnosticRegex();

    /// <summary>A line that is just a path (<c>src/a/b.cs</c>, <c>./x/y</c>, <c>name.ext</c>).</summary>
    public static bool IsPath(ReadOnlySpan<char> s) =>
        s.Length < 1024 && !s.Contains(':') && !s.StartsWith(' ') && (s.Contains('/') || LooksLikePath(s)) && LooksLikePath(s);

    /// <summary>The directory a path line belongs to.</summary>
    public static ReadOnlySpan<char> DirectoryOf(ReadOnlySpan<char> s)
    {
        int slash = s.TrimEnd('/').LastIndexOf('/');
        return slash <= 0 ? "." : s[..slash];
    }

    /// <summary><c>name.go</c>, <c>a.test.ts</c>: ends in a dot and 1–8 letters/digits starting with a letter.</summary>
    private static bool HasFileExtension(ReadOnlySpan<char> path)
    {
        int dot = path.LastIndexOf('.');
        if (dot <= 0 || dot == path.Length - 1 || path.Length - dot - 1 > 8 || !char.IsAsciiLetter(path[dot + 1])) return false;
        foreach (var c in path[(dot + 1)..]) if (!char.IsAsciiLetterOrDigit(c)) return false;
        return true;
    }

    private static bool LooksLikePath(ReadOnlySpan<char> s) => PathRegex().IsMatch(s);

    [GeneratedRegex(@"^[\w.@+~%-]*(?:[/\\][\w.@+~% -]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathRegex();
}
