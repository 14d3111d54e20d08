using System.Text;

namespace DistributedModel.Hooks.ToolOutput;

/// <summary>Short, stable content hash for raw-store file names: FNV-1a 64-bit over UTF-8, 12 hex digits.
/// Not cryptographic (no OpenSSL load in a hook that must start in milliseconds); collisions only cost a shared file name check.</summary>
public static class ContentHash
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const ulong offset = 14695981039346656037UL, prime = 1099511628211UL;
        ulong h = offset;
        Span<byte> buf = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            int n = rune.EncodeToUtf8(buf);
            for (int i = 0; i < n; i++) { h ^= buf[i]; h *= prime; }
        }
        return h.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)[..12];
    }

    /// <summary>Hash of raw bytes (for text that was read from disk).</summary>
    public static string Of(ReadOnlySpan<byte> utf8)
    {
        const ulong offset = 14695981039346656037UL, prime = 1099511628211UL;
        ulong h = offset;
        foreach (var b in utf8) { h ^= b; h *= prime; }
        return h.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)[..12];
    }

    internal static int Utf8Length(string s) => Encoding.UTF8.GetByteCount(s);
}
