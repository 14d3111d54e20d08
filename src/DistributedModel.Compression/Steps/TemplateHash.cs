namespace DistributedModel.Compression.Steps;

/// <summary>
/// The template of a line, as a 64-bit hash of its masked token sequence: a whitespace-separated token holding a digit
/// (ids, GUIDs, IPs and ports, timestamps, durations, sizes, versions) becomes <c>#</c> — inside tokens with quotes, each
/// run of hex characters with a digit does — tokens holding a path separator become one
/// <c>§</c>, quoted strings become <c>Q</c> (unless told to keep them), whitespace runs become one space. Lines with equal hashes are the same
/// kind of line wherever they sit in the output. One pass, no allocation (FNV-1a over the masked characters).
/// </summary>
public static class TemplateHash
{
    private const ulong Offset = 14695981039346656037UL, Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> s, bool maskQuoted = true)
    {
        ulong h = Offset;
        int n = s.Length, i = 0;
        bool space = false;
        while (i < n)
        {
            char c = s[i];
            if (IsSpace(c))
            {
                if (!space) h = Mix(h, ' ');
                space = true;
                i++;
                continue;
            }
            space = false;
            // One pass over the token notes what decides its mask: a path separator, a quote, a digit.
            int end = i;
            bool separator = false, quote = false, hasDigit = false;
            for (; end < n; end++)
            {
                char d = s[end];
                if (IsSpace(d)) break;
                if (d is '/' or '\\') separator = true;
                else if (d is '"' or '\'') quote = true;
                else if (char.IsAsciiDigit(d)) hasDigit = true;
            }
            if (separator && end - i > 1 && s[i] is not ('"' or '\''))
            {
                h = Mix(h, '\u00a7');
                i = end;
                continue;
            }
            if (!quote && hasDigit)
            {
                // A token with a digit is a variable (Drain's rule): node ids like R10-M1-N5-C:J15-U11, 12ms, v1.2.3.
                h = Mix(h, '#');
                i = end;
                continue;
            }
            int j = i;
            while (j < end)
            {
                char d = s[j];
                if (maskQuoted && (d == '"' || (d == '\'' && (j == 0 || !char.IsLetter(s[j - 1])))))
                {
                    int close = s[(j + 1)..].IndexOf(d);
                    if (close >= 0)
                    {
                        h = Mix(h, 'Q');
                        j += close + 2;
                        if (j > end) end = j; // the quoted string spanned spaces
                        continue;
                    }
                }
                if (char.IsAsciiHexDigit(d))
                {
                    int k = j;
                    bool digit = false;
                    while (k < end && char.IsAsciiHexDigit(s[k])) { digit |= char.IsAsciiDigit(s[k]); k++; }
                    if (digit) h = Mix(h, '#');
                    else for (int m = j; m < k; m++) h = Mix(h, s[m]);
                    j = k;
                    continue;
                }
                h = Mix(h, d);
                j++;
            }
            i = Math.Max(end, j);
        }
        return h;
    }

    private static ulong Mix(ulong h, char c) => (h ^ c) * Prime;

    /// <summary><see cref="char.IsWhiteSpace"/>, with the table lookup only for the few characters that can be one.</summary>
    private static bool IsSpace(char c) => c <= ' ' ? char.IsWhiteSpace(c) : c >= '\u0085' && char.IsWhiteSpace(c);
}
