using System.Text;
using System.Text.Unicode;

namespace DistributedModel.Hooks.ToolOutput;

/// <summary>Short, stable content hash for raw-store file names: FNV-1a 64-bit over UTF-8, 12 hex digits.
/// Not cryptographic (no OpenSSL load in a hook that must start in milliseconds); collisions only cost a shared file name check.</summary>
public static class ContentHash
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Transcode in stack-sized chunks; invalid UTF-16 becomes U+FFFD exactly as rune enumeration would.
        ulong h = Offset;
        Span<byte> buf = stackalloc byte[4096];
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            Utf8.FromUtf16(rest, buf, out int read, out int written, replaceInvalidSequences: true, isFinalBlock: true);
            h = Fnv(h, buf[..written]);
            rest = rest[read..];
        }
        return Hex(h);
    }

    /// <summary>Hash of raw bytes (for text that was read from disk).</summary>
    public static string Of(ReadOnlySpan<byte> utf8) => Hex(Fnv(Offset, utf8));

    private const ulong Offset = 14695981039346656037UL, Prime = 1099511628211UL;

    private static ulong Fnv(ulong h, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) { h ^= b; h *= Prime; }
        return h;
    }

    private static string Hex(ulong h) => h.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)[..12];

    internal static int Utf8Length(string s) => Encoding.UTF8.GetByteCount(s);
}
