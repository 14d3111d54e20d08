using System.Text;

namespace DistributedModel.Compression.Steps;

internal static class Utf8
{
    /// <summary>UTF-8 length; ASCII (the usual case) is its char count, found without transcoding.</summary>
    public static int Count(ReadOnlySpan<char> s) => System.Text.Ascii.IsValid(s) ? s.Length : Encoding.UTF8.GetByteCount(s);

    public static int Count(string s) => Count(s.AsSpan());
}
