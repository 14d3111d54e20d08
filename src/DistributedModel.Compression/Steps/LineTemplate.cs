using System.Buffers;

namespace DistributedModel.Compression.Steps;

/// <summary>
/// The shape of a line with its variable parts masked: runs of hex characters that contain a digit (numbers, hex ids,
/// GUID parts, timestamps, durations) become <c>#</c>, and whitespace-separated tokens containing a path separator become
/// <c>§</c>. Two lines with the same template are near-repeats. <see cref="Write"/> is allocation-free.
/// </summary>
public static class LineTemplate
{
    private static readonly SearchValues<char> HexChars = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Longest prefix of a line that shapes its template.</summary>
    public const int MaxChars = 4096;

    public static string Of(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        int length = Math.Min(line.Length, MaxChars);
        char[]? rented = null;
        Span<char> buffer = length <= 512 ? stackalloc char[length] : (rented = ArrayPool<char>.Shared.Rent(length));
        var result = new string(Write(line, buffer));
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>Writes the template of <paramref name="line"/> into <paramref name="buffer"/> (at least
    /// <c>min(line.Length, MaxChars)</c> long) and returns the written part, so callers can look it up without a string.</summary>
    public static ReadOnlySpan<char> Write(ReadOnlySpan<char> line, Span<char> buffer)
    {
        if (line.Length > MaxChars) line = line[..MaxChars];
        int n = 0;
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (char.IsWhiteSpace(c)) { buffer[n++] = c; i++; continue; }
            int end = i;
            bool separator = false;
            while (end < line.Length && !char.IsWhiteSpace(line[end])) { if (line[end] is '/' or '\\') separator = true; end++; }
            if (separator && end - i > 1)
            {
                buffer[n++] = '\u00a7'; // one placeholder char for the whole path token
                i = end;
                continue;
            }
            // mask hex runs containing a digit inside the token
            int j = i;
            while (j < end)
            {
                if (HexChars.Contains(line[j]))
                {
                    int k = j; bool digit = false;
                    while (k < end && HexChars.Contains(line[k])) { digit |= char.IsAsciiDigit(line[k]); k++; }
                    // "#-abcd": a digit-free hex group chained by '-' to a masked one is part of the same id (GUIDs).
                    bool chained = n >= 2 && buffer[n - 1] == '-' && buffer[n - 2] == '#';
                    if (digit || chained) { buffer[n++] = '#'; }
                    else { line[j..k].CopyTo(buffer[n..]); n += k - j; }
                    j = k;
                }
                else buffer[n++] = line[j++];
            }
            i = end;
        }
        return buffer[..n];
    }
}
