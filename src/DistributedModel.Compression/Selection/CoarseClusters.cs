namespace DistributedModel.Compression.Selection;

/// <summary>
/// Splits the templates of the failure ranks so that one of each coarse cluster can come first: templates whose exemplars have the
/// same number of tokens and share at least 60 % of their fixed tokens (a token with a digit is variable; so is a
/// position where two members differ — Drain's rule) are one cluster. <c>Invalid user admin from …</c> and
/// <c>Invalid user test from …</c> are two templates of the hash but one cluster, so a distinct message later in the
/// output is not crowded out by the many spellings of an earlier one. Works on the exemplars only (one line per
/// template); bounded to <see cref="MaxTemplates"/> templates.
/// </summary>
internal static class CoarseClusters
{
    private const int MaxTemplates = 2048;

    /// <summary>The templates (in order of first occurrence) split into the first of each cluster and the others, each in
    /// their order.</summary>
    public static (List<int> Leaders, List<int> Others) Split(ScannedOutput o, List<int> templates, Func<int, int> firstLine)
    {
        if (templates.Count < 2 || templates.Count > MaxTemplates) return (templates, []);
        var clusters = new Dictionary<int, List<string?[]>>(); // by token count
        var leaders = new List<int>(templates.Count);
        var rest = new List<int>();
        foreach (int t in templates)
        {
            var tokens = Tokens(o.Lines[firstLine(t)].Span);
            bool joined = false;
            if (!clusters.TryGetValue(tokens.Length, out var sameLength)) clusters[tokens.Length] = sameLength = [];
            foreach (var template in sameLength)
            {
                if (!Similar(template, tokens)) continue;
                for (int k = 0; k < tokens.Length; k++) if (template[k] != tokens[k]) template[k] = null;
                joined = true;
                break;
            }
            if (joined) { rest.Add(t); continue; }
            var fresh = new string?[tokens.Length];
            for (int k = 0; k < tokens.Length; k++) fresh[k] = tokens[k];
            sameLength.Add(fresh);
            leaders.Add(t);
        }
        return (leaders, rest);
    }

    private static bool Similar(string?[] template, string?[] tokens)
    {
        int fixedCount = 0, equal = 0;
        for (int k = 0; k < tokens.Length; k++)
        {
            if (template[k] is null || tokens[k] is null) continue;
            fixedCount++;
            if (string.Equals(template[k], tokens[k], StringComparison.Ordinal)) equal++;
        }
        return equal * 10 >= fixedCount * 6;
    }

    /// <summary>White-space separated tokens; null for a variable one (holding a digit).</summary>
    private static string?[] Tokens(ReadOnlySpan<char> s)
    {
        var list = new List<string?>();
        int i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (i == s.Length) break;
            int b = i;
            bool digit = false;
            while (i < s.Length && !char.IsWhiteSpace(s[i])) digit |= char.IsAsciiDigit(s[i++]);
            list.Add(digit ? null : s[b..i].ToString());
        }
        return [.. list];
    }
}
