using System.Globalization;
using System.Text;
using DistributedModel.Compression.Steps;

namespace DistributedModel.Compression.Selection;

/// <summary>
/// What varies across the lines of one template, said in a few bytes for its group marker:
/// <c>rhost: 218.188.2.4 ×37, 220-135-151-1.hinet-ip.hinet.net ×21, … 84 distinct · user: root ×203, guest ×4</c>.
/// The lines are split at spaces and tabs; when they all have the same number of tokens, each position where they differ
/// is a variable. A record's leading fields (timestamps, dates, process ids before its first fixed word) and variables
/// that are mostly distinct (times, session ids) are left out; <c>key=value</c> variables come first, then those with
/// letters, then the rest, each as its most frequent values with their counts and the number of distinct values.
/// Computed only for templates already shown, once, and only when cheap (bounded tokens, lines and distinct values).
/// </summary>
internal static class VariationSummary
{
    /// <summary>Most bytes of a group marker that carries a variation summary.</summary>
    public const int MaxMarkerBytes = 160;

    /// <summary>UTF-8 bytes of the <c> · </c> between the marker's counts and the summary.</summary>
    public const int SeparatorBytes = 4;

    private const int MaxTokens = 64, MaxLines = 4096, MaxDistinct = 128, MaxVariables = 3, MaxValueChars = 40, MinRoom = 16, SampleLines = 32;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The summary of the <paramref name="count"/> lines starting at <paramref name="first"/> and linked by
    /// <paramref name="next"/>, in at most <paramref name="roomBytes"/> UTF-8 bytes; null when nothing useful fits.</summary>
    public static string? Of(ScannedOutput o, int first, int last, int[] next, int count, int roomBytes)
    {
        if (count < 2 || count > MaxLines || roomBytes < MinRoom) return null;
        Span<int> start0 = stackalloc int[MaxTokens], len0 = stackalloc int[MaxTokens];
        Span<int> start = stackalloc int[MaxTokens], len = stackalloc int[MaxTokens];
        var line0 = o.Lines[first].Span;
        int tokens = Tokenize(line0, start0, len0);
        if (tokens <= 0) return null;

        // Which positions vary, judged on the first lines and the last (no allocation); the counting pass then reads every
        // line once and gives up when one has a different number of tokens.
        Span<bool> varies = stackalloc bool[tokens];
        for (int i = next[first], seen = 1; seen < count && seen <= SampleLines; i = next[i], seen++)
            if (!Compare(o.Lines[i].Span, line0, start0, len0, start, len, varies)) return null;
        if (count - 1 > SampleLines && !Compare(o.Lines[last].Span, line0, start0, len0, start, len, varies)) return null;

        // The record's header: its timestamp (a date or time among the first tokens, and what precedes it) and anything
        // else before its first fixed word.
        int body = 0;
        for (int p = 0; p < Math.Min(tokens, 6); p++) if (IsDateOrTime(line0.Slice(start0[p], len0[p]))) body = p + 1;
        while (body < tokens && (varies[body] || !HasLetter(line0.Slice(start0[body], len0[body])))) body++;
        Span<int> chosen = stackalloc int[MaxVariables];
        int nChosen = 0;
        for (int tier = 0; tier < 3 && nChosen < MaxVariables; tier++)
            for (int p = body; p < tokens && nChosen < MaxVariables; p++)
                if (varies[p] && Tier(line0.Slice(start0[p], len0[p])) == tier) chosen[nChosen++] = p;
        if (nChosen == 0) return null;

        var counts = Count(o, first, next, count, tokens, line0, start0, len0, chosen[..nChosen]);
        if (counts is null) return null;
        var sb = new StringBuilder(roomBytes + 16);
        for (int c = 0; c < nChosen; c++)
        {
            var values = counts[c];
            if (values is null) continue;
            var token0 = line0.Slice(start0[chosen[c]], len0[chosen[c]]);
            int eq = KeyLength(token0) - 1;
            if (eq > 0) { Append(sb, token0[..eq], values, roomBytes); continue; }
            // A variable inside a longer token ([SendWorker:188978561024:QuorumCnxManager$SendWorker@688]) is written as
            // what its values share around what differs: "[SendWorker:…:QuorumCnxManag…: 188978561024 ×261, 3 ×1".
            var (prefix, suffix) = Shared(values);
            if (prefix + suffix < 6) { Append(sb, default, values, roomBytes); continue; }
            for (int k = 0; k < values.Count; k++) values[k] = (values[k].Value[prefix..^suffix], values[k].Count);
            var label = string.Concat(Clip(token0[..prefix], fromEnd: true), "…", Clip(token0[^suffix..], fromEnd: false));
            Append(sb, label, values, roomBytes);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>Marks the positions where <paramref name="line"/> differs from the first line; false when its number of
    /// tokens differs.</summary>
    private static bool Compare(ReadOnlySpan<char> line, ReadOnlySpan<char> line0, ReadOnlySpan<int> start0, ReadOnlySpan<int> len0,
        Span<int> start, Span<int> len, Span<bool> varies)
    {
        if (Tokenize(line, start, len) != varies.Length) return false;
        for (int p = 0; p < varies.Length; p++)
            if (!varies[p] && !line.Slice(start[p], len[p]).SequenceEqual(line0.Slice(start0[p], len0[p]))) varies[p] = true;
        return true;
    }

    /// <summary>"rhost=".Length for rhost=218.188.2.4, else 0.</summary>
    private static int KeyLength(ReadOnlySpan<char> token)
    {
        int eq = token.IndexOf('=');
        return eq > 0 ? eq + 1 : 0;
    }

    /// <summary>The values at each of the <paramref name="positions"/> (after their <c>key=</c>), most frequent first, ties
    /// by first occurrence, in one pass over the lines; null for a position whose values are mostly distinct (times, ids)
    /// or where a line lacks the key.</summary>
    private static List<(string Value, int Count)>?[]? Count(ScannedOutput o, int first, int[] next, int count, int tokens,
        ReadOnlySpan<char> line0, ReadOnlySpan<int> start0, ReadOnlySpan<int> len0, ReadOnlySpan<int> positions)
    {
        Span<int> start = stackalloc int[MaxTokens], len = stackalloc int[MaxTokens];
        int limit = Math.Min(MaxDistinct, Math.Max(3, count / 3));
        var values = new List<(string Value, int Count)>?[positions.Length];
        var lookups = new Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[positions.Length];
        Span<int> keys = stackalloc int[positions.Length];
        for (int c = 0; c < positions.Length; c++)
        {
            values[c] = [];
            lookups[c] = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            keys[c] = KeyLength(line0.Slice(start0[positions[c]], len0[positions[c]]));
        }
        int alive = positions.Length;
        for (int i = first, seen = 0; seen < count && alive > 0; i = next[i], seen++)
        {
            var line = o.Lines[i].Span;
            if (Tokenize(line, start, len) != tokens) return null;
            for (int c = 0; c < positions.Length; c++)
            {
                var list = values[c];
                if (list is null) continue;
                var token = line.Slice(start[positions[c]], len[positions[c]]);
                if (!token.StartsWith(line0.Slice(start0[positions[c]], keys[c]), StringComparison.Ordinal)) { values[c] = null; alive--; continue; }
                token = token[keys[c]..];
                if (lookups[c].TryGetValue(token, out int slot)) { list[slot] = (list[slot].Value, list[slot].Count + 1); continue; }
                if (list.Count == limit) { values[c] = null; alive--; continue; }
                var value = token.ToString();
                lookups[c].Dictionary[value] = list.Count;
                list.Add((value, 1));
            }
        }
        for (int c = 0; c < values.Length; c++)
        {
            var list = values[c];
            if (list is null) continue;
            // Stable: equal counts keep their order of first occurrence.
            var order = new int[list.Count];
            for (int k = 0; k < order.Length; k++) order[k] = k;
            Array.Sort(order, (a, b) => list[a].Count != list[b].Count ? list[b].Count.CompareTo(list[a].Count) : a.CompareTo(b));
            var sorted = new List<(string Value, int Count)>(order.Length);
            foreach (int k in order) sorted.Add(list[k]);
            values[c] = sorted;
        }
        return values;
    }

    /// <summary>Appends <c>key: v1 ×c1, v2 ×c2, … N distinct</c> (no key for positional variables) with as many values as
    /// fit in <paramref name="roomBytes"/> in all; nothing when not even one value fits.</summary>
    private static void Append(StringBuilder sb, ReadOnlySpan<char> key, List<(string Value, int Count)> values, int roomBytes)
    {
        int used = Utf8.Count(sb.ToString());
        string separator = sb.Length == 0 ? "" : " · ";
        string head = key.IsEmpty ? separator : string.Concat(separator, key, ": ");
        string tail = string.Format(Inv, ", … {0:N0} distinct", values.Count);
        var part = new StringBuilder(head);
        int listed = 0;
        foreach (var (value, n) in values)
        {
            string item = string.Format(Inv, "{0}{1} ×{2:N0}", listed == 0 ? "" : ", ", Show(value), n);
            bool last = listed + 1 == values.Count;
            if (used + Utf8.Count(part.ToString()) + Utf8.Count(item) + (last ? 0 : Utf8.Count(tail)) > roomBytes) break;
            part.Append(item);
            listed++;
        }
        if (listed == 0) return;
        if (listed < values.Count) part.Append(tail);
        sb.Append(part);
    }

    /// <summary>Characters all values start and end with (not overlapping in the shortest).</summary>
    private static (int Prefix, int Suffix) Shared(List<(string Value, int Count)> values)
    {
        var v0 = values[0].Value;
        int shortest = v0.Length;
        foreach (var (v, _) in values) shortest = Math.Min(shortest, v.Length);
        int prefix = shortest;
        foreach (var (v, _) in values) prefix = Math.Min(prefix, v0.AsSpan(0, prefix).CommonPrefixLength(v));
        // What differs starts and ends at a word's edge: 1889…/3 is not "1" + "88978561024"/"".
        while (prefix > 0 && VocabularyMatcher.IsWordChar(v0[prefix - 1])) prefix--;
        int suffix = shortest - prefix;
        foreach (var (v, _) in values)
        {
            int k = 0;
            while (k < suffix && v0[^(k + 1)] == v[^(k + 1)]) k++;
            suffix = k;
        }
        while (suffix > 0 && VocabularyMatcher.IsWordChar(v0[^suffix])) suffix--;
        return (prefix, suffix);
    }

    /// <summary>At most 16 characters of a label part, keeping the side next to the variable.</summary>
    private static string Clip(ReadOnlySpan<char> s, bool fromEnd) =>
        s.Length <= 16 ? s.ToString() : fromEnd ? string.Concat("…", s[^15..]) : string.Concat(s[..15], "…");

    /// <summary><c>15:16:01</c>, <c>19:04:12,123</c>, <c>2015-07-29</c>, <c>2005.06.03</c>, <c>2005-06-03-15.42.50.675872</c>,
    /// <c>[10/Dec/2015:09:01:02</c>: digits with date or time separators and at most three letters.</summary>
    private static bool IsDateOrTime(ReadOnlySpan<char> s)
    {
        int digits = 0, separators = 0, letters = 0;
        foreach (char c in s)
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (c is ':' or '-' or '.' or ',' or '/' or 'T' or '[' or ']' or '+') separators++;
            else if (char.IsAsciiLetter(c)) letters++;
            else return false;
        }
        return digits >= 4 && separators >= 2 && letters <= 3;
    }

    /// <summary>A value as written: empty is <c>''</c>; a long one keeps its end (<c>…/Billing/Gen12.cs(2,54):</c>).</summary>
    private static string Show(string value) =>
        value.Length == 0 ? "''" : value.Length <= MaxValueChars ? value : string.Concat("…", value.AsSpan(value.Length - (MaxValueChars - 1)));

    /// <summary>0: <c>key=value</c>; 1: holds a letter; 2: anything else (numbers, addresses).</summary>
    private static int Tier(ReadOnlySpan<char> token)
    {
        int eq = token.IndexOf('=');
        if (eq > 0 && HasLetter(token[..eq])) return 0;
        return HasLetter(token) ? 1 : 2;
    }

    private static bool HasLetter(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (char.IsLetter(c)) return true;
        return false;
    }

    /// <summary>Tokens of <paramref name="s"/> separated by spaces and tabs; -1 when there are more than
    /// <see cref="MaxTokens"/>.</summary>
    private static int Tokenize(ReadOnlySpan<char> s, Span<int> start, Span<int> len)
    {
        int n = 0, i = 0;
        while (true)
        {
            while (i < s.Length && s[i] is ' ' or '\t') i++;
            if (i == s.Length) return n;
            int b = i;
            while (i < s.Length && s[i] is not (' ' or '\t')) i++;
            if (n == MaxTokens) return -1;
            start[n] = b;
            len[n] = i - b;
            n++;
        }
    }
}
