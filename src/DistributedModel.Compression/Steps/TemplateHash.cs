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
            // One pass over the token notes what decides its mask (a path separator, a quote, a digit) and hashes it
            // as plain text on the way, which is what it hashes as when it holds none of them.
            int start = i;
            ulong plain = h;
            int kinds = 0;
            for (; i < n; i++)
            {
                char d = s[i];
                int kind = d < 128 ? Kinds[d] : IsSpace(d) ? SpaceKind : 0;
                if (kind == SpaceKind) break;
                kinds |= kind;
                plain = Mix(plain, d);
            }
            int end = i;
            if ((kinds & SeparatorKind) != 0 && end - start > 1 && s[start] is not ('"' or '\''))
            {
                h = Mix(h, '\u00a7');
                continue;
            }
            if ((kinds & QuoteKind) == 0)
            {
                // A token with a digit is a variable (Drain's rule): node ids like R10-M1-N5-C:J15-U11, 12ms, v1.2.3.
                // Without one, its hex runs hold no digit either and stay as they are.
                h = (kinds & DigitKind) != 0 ? Mix(h, '#') : plain;
                continue;
            }
            int j = start;
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

    private const byte SpaceKind = 1, SeparatorKind = 2, QuoteKind = 4, DigitKind = 8;

    /// <summary>What each ASCII character is to <see cref="Of"/>: white space (as <see cref="char.IsWhiteSpace"/> says:
    /// 9–13 and 32), a path separator, a quote, a digit, or nothing.</summary>
    private static ReadOnlySpan<byte> Kinds =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, // 0x00: \t \n \v \f \r
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 4, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 2, // 0x20: space " ' /
        8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 0, 0, 0, 0, 0, 0, // 0x30: digits
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, // 0x50: backslash
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    private static ulong Mix(ulong h, char c) => (h ^ c) * Prime;

    /// <summary><see cref="char.IsWhiteSpace"/>, with the table lookup only for the few characters that can be one.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c) => c <= ' ' ? char.IsWhiteSpace(c) : c >= '\u0085' && char.IsWhiteSpace(c);
}
