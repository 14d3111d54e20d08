using System.Text;

namespace DistributedModel.Hooks.Runtime;

/// <summary>
/// Decodes a JSON string token (raw UTF-8 as the reader validated it, quotes included) straight into a string: the same
/// result as <c>JsonElement.GetString()</c>, including its <see cref="InvalidOperationException"/> for an escaped lone
/// surrogate, but without the temporary unescaped UTF-8 copy it makes of an escaped string (fresh pages in a hook).
/// </summary>
public static class JsonStringDecoder
{
    public static string Decode(ReadOnlySpan<byte> rawToken)
    {
        if (rawToken.Length < 2 || rawToken[0] != (byte)'"' || rawToken[^1] != (byte)'"')
            throw new ArgumentException("not a JSON string token", nameof(rawToken));
        var body = rawToken[1..^1];
        if (body.IndexOf((byte)'\\') < 0) return Encoding.UTF8.GetString(body);
        unsafe
        {
            fixed (byte* p = body)
                return string.Create(Utf16Length(body), ((nint)p, body.Length), static (dest, s) => Fill(new ReadOnlySpan<byte>((byte*)s.Item1, s.Item2), dest));
        }
    }

    /// <summary>The length in UTF-16 chars of what <see cref="Decode"/> returns, without decoding.</summary>
    public static int DecodedLength(ReadOnlySpan<byte> rawToken)
    {
        if (rawToken.Length < 2 || rawToken[0] != (byte)'"' || rawToken[^1] != (byte)'"')
            throw new ArgumentException("not a JSON string token", nameof(rawToken));
        return Utf16Length(rawToken[1..^1]);
    }

    // Escapes never split a UTF-8 sequence ('\\' is ASCII), so the runs between them transcode on their own.
    private static int Utf16Length(ReadOnlySpan<byte> body)
    {
        int length = 0;
        while (true)
        {
            int esc = body.IndexOf((byte)'\\');
            length += Encoding.UTF8.GetCharCount(esc < 0 ? body : body[..esc]);
            if (esc < 0) return length;
            length++;
            body = body[(esc + (body[esc + 1] == (byte)'u' ? 6 : 2))..];
        }
    }

    private static void Fill(ReadOnlySpan<byte> body, Span<char> dest)
    {
        int w = 0;
        while (true)
        {
            int esc = body.IndexOf((byte)'\\');
            w += Encoding.UTF8.GetChars(esc < 0 ? body : body[..esc], dest[w..]);
            if (esc < 0) return;
            body = body[esc..];
            byte kind = body[1];
            if (kind != (byte)'u')
            {
                dest[w++] = kind switch
                {
                    (byte)'n' => '\n', (byte)'r' => '\r', (byte)'t' => '\t', (byte)'b' => '\b', (byte)'f' => '\f',
                    _ => (char)kind, // '"', '\\', '/'
                };
                body = body[2..];
                continue;
            }
            int unit = Hex4(body.Slice(2, 4));
            if (unit is >= 0xD800 and <= 0xDFFF)
            {
                if (unit >= 0xDC00) throw new InvalidOperationException($"Cannot read invalid UTF-16 JSON text as string. Invalid surrogate value: '0x{unit:X4}'.");
                if (body.Length < 12 || body[6] != (byte)'\\' || body[7] != (byte)'u')
                    throw new InvalidOperationException("Cannot read incomplete UTF-16 JSON text as string with missing low surrogate.");
                int low = Hex4(body.Slice(8, 4));
                if (low is < 0xDC00 or > 0xDFFF) throw new InvalidOperationException($"Cannot read invalid UTF-16 JSON text as string. Invalid surrogate value: '0x{low:X4}'.");
                dest[w++] = (char)unit;
                dest[w++] = (char)low;
                body = body[12..];
                continue;
            }
            dest[w++] = (char)unit;
            body = body[6..];
        }
    }

    private static int Hex4(ReadOnlySpan<byte> hex)
    {
        int value = 0;
        foreach (var b in hex) value = (value << 4) | (b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10);
        return value;
    }
}
