using System.Buffers;

namespace DistributedModel.Compression;

/// <summary>
/// Finds the terms of a <see cref="FailureVocabulary"/> in a line as whole words. A vectorised
/// <see cref="SearchValues{T}"/> scan finds candidates, so a clean line costs a few nanoseconds; each candidate is then
/// checked for word boundaries and for a zero count in front of it (<c>0 errors</c>) or after it (<c>errors: 0</c>).
/// </summary>
public sealed class VocabularyMatcher
{
    private readonly SearchValues<string> _searchCi;
    private readonly SearchValues<string> _searchCs;
    private readonly string[][] _termsCi; // by first character (lower-cased ASCII), longest first: "timed out" before "time…"
    private readonly string[][] _termsCs;

    public VocabularyMatcher(IEnumerable<string> caseInsensitiveTerms, IEnumerable<string> caseSensitiveTerms)
    {
        var ci = Normalise(caseInsensitiveTerms);
        var cs = Normalise(caseSensitiveTerms);
        _termsCi = ByFirstChar(ci);
        _termsCs = ByFirstChar(cs);
        _searchCi = SearchValues.Create(ci, StringComparison.OrdinalIgnoreCase);
        _searchCs = SearchValues.Create(cs, StringComparison.Ordinal);
    }

    /// <summary>Candidates are checked only against the terms that start with the character found: 128 ASCII slots (the
    /// slot of a letter holds both cases' terms) and one slot for terms starting with anything else.</summary>
    private static string[][] ByFirstChar(string[] terms)
    {
        var slots = new List<string>[129];
        for (int i = 0; i < slots.Length; i++) slots[i] = [];
        foreach (var t in terms) slots[Slot(t[0])].Add(t); // terms arrive longest first and keep that order
        return [.. slots.Select(static l => l.ToArray())];
    }

    private static int Slot(char c) => c < 128 ? char.ToLowerInvariant(c) : 128;

    private static string[] Normalise(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var list = terms.Where(static t => !string.IsNullOrWhiteSpace(t)).Select(static t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0) list.Add("\u0000never\u0000");
        list.Sort(static (a, b) => b.Length.CompareTo(a.Length));
        return [.. list];
    }

    /// <summary>Index of the first whole-word match in <paramref name="line"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> line) => Find(line, out _);

    /// <summary>As <see cref="Find(ReadOnlySpan{char})"/>; <paramref name="level"/> is true when a case-sensitive level
    /// token (<c>ERROR</c>, <c>WARN</c>) matched — a log record's own verdict, stronger than a word in prose.</summary>
    public int Find(ReadOnlySpan<char> line, out bool level)
    {
        int cs = Find(line, _searchCs, _termsCs, StringComparison.Ordinal);
        level = cs >= 0;
        if (level) return cs;
        return Find(line, _searchCi, _termsCi, StringComparison.OrdinalIgnoreCase);
    }

    private static int Find(ReadOnlySpan<char> line, SearchValues<string> search, string[][] termsByFirstChar, StringComparison comparison)
    {
        int from = 0;
        while (from < line.Length)
        {
            int rel = line[from..].IndexOfAny(search);
            if (rel < 0) return -1;
            int at = from + rel;
            char second = at + 1 < line.Length ? line[at + 1] : '\0';
            foreach (var term in termsByFirstChar[Slot(line[at])])
            {
                if (at + term.Length > line.Length || !SecondCharMayMatch(second, term) || !line.Slice(at, term.Length).Equals(term, comparison)) continue;
                if (IsWholeWord(line, at, term.Length) && !IsZeroCount(line, at, term.Length)) return at;
            }
            from = at + 1;
        }
        return -1;
    }

    /// <summary>A necessary condition of the term matching, far cheaper than the comparison: for ASCII, equal ignoring
    /// case means equal once bit 5 is set on both (anything else is left to the comparison).</summary>
    private static bool SecondCharMayMatch(char second, string term) =>
        term.Length < 2 || second >= 128 || term[1] >= 128 || (second | 0x20) == (term[1] | 0x20);

    /// <summary>Not part of an identifier, a flag (<c>/warnaserror</c>, <c>-Werror</c>, <c>--no-warn</c>), a member access
    /// (<c>log.error</c>), a path (<c>errors/x</c>) or a file name (<c>error-handling.md</c>, <c>error.log</c>).</summary>
    private static bool IsWholeWord(ReadOnlySpan<char> s, int at, int length)
    {
        if (at > 0)
        {
            char b = s[at - 1];
            if (IsWordChar(b) || b is '/' or '\\' or '-' or '.' or '$' or '@') return false;
        }
        int end = at + length;
        if (end < s.Length)
        {
            char a = s[end];
            if (IsWordChar(a)) return false;
            if (a is '.' or '-' or '/' or '\\' && end + 1 < s.Length && IsWordChar(s[end + 1])) return false;
        }
        return true;
    }

    /// <summary><c>0 errors</c>, <c>no failures</c>, <c>zero warnings</c>, <c>without errors</c>, <c>errors: 0</c>, <c>failed=0</c>.</summary>
    private static bool IsZeroCount(ReadOnlySpan<char> s, int at, int length)
    {
        var before = s[..at].TrimEnd();
        if (before.EndsWith("0", StringComparison.Ordinal) && (before.Length == 1 || !char.IsAsciiDigit(before[^2]) && before[^2] != '.'))
            return true;
        if (EndsWithWord(before, "no") || EndsWithWord(before, "zero") || EndsWithWord(before, "without")) return true;
        var after = s[(at + length)..].TrimStart();
        if (after.Length > 0 && after[0] is ':' or '=') after = after[1..].TrimStart();
        if (after.StartsWith("null", StringComparison.Ordinal) || after.StartsWith("none", StringComparison.OrdinalIgnoreCase))
            return after.Length == 4 || !IsWordChar(after[4]);
        else if (after.Length > 0 && after[0] == '(' && after.StartsWith("(s)", StringComparison.Ordinal)) after = after[3..].TrimStart();
        return after.Length > 0 && after[0] == '0' && (after.Length == 1 || !char.IsLetterOrDigit(after[1]) && after[1] != '.');
    }

    private static bool EndsWithWord(ReadOnlySpan<char> s, string word) =>
        s.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (s.Length == word.Length || !IsWordChar(s[^(word.Length + 1)]));

    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
