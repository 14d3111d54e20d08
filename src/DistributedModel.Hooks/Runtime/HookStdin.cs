namespace DistributedModel.Hooks.Runtime;

/// <summary>Reads a hook's stdin fully, bounded by <see cref="HookLimits.MaxStdinBytes"/>.</summary>
public static class HookStdin
{
    private const int FirstChunk = 1024 * 1024;

    /// <summary>
    /// Reads all of <paramref name="stdin"/> into one buffer (no zeroing, no final copy: a hook process is short-lived and
    /// every fresh page costs a fault). Throws <see cref="FailOpenException"/> (<c>empty-input</c>, <c>too-large</c>)
    /// when there is nothing to work on; an oversized input is drained so the writer never sees a broken pipe.
    /// </summary>
    /// <param name="totalBytes">Bytes read (also when too large), for the log line.</param>
    /// <returns>The bytes read (a view of the buffer).</returns>
    public static ReadOnlyMemory<byte> ReadAll(Stream stdin, out long totalBytes, int maxBytes = HookLimits.MaxStdinBytes)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        var buffer = GC.AllocateUninitializedArray<byte>(InitialSize(stdin, maxBytes));
        int length = 0;
        long total = 0;
        bool tooLarge = false;
        while (true)
        {
            if (length == buffer.Length)
            {
                var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min((long)buffer.Length * 2, maxBytes + 1L));
                buffer.AsSpan(0, length).CopyTo(grown);
                buffer = grown;
            }
            int n = stdin.Read(buffer, length, buffer.Length - length);
            if (n <= 0) break;
            length += n;
            total += n;
            if (length > maxBytes) { tooLarge = true; break; }
        }
        if (tooLarge)
        {
            int n;
            while ((n = stdin.Read(buffer, 0, buffer.Length)) > 0) total += n;
        }
        totalBytes = total;
        if (tooLarge) throw new FailOpenException("too-large", $"stdin over {maxBytes} bytes");
        if (total == 0) throw new FailOpenException("empty-input");
        return buffer.AsMemory(0, length);
    }

    // A file (a test, a shell redirect) tells its size; a pipe does not, so the buffer starts at 1 MiB and doubles. The array is
    // not zeroed, so only the pages a read fills are ever touched: a small input costs no more than with a small buffer.
    private static int InitialSize(Stream stdin, int maxBytes)
    {
        try
        {
            if (stdin.CanSeek)
            {
                long remaining = stdin.Length - stdin.Position;
                return (int)Math.Clamp(remaining + 1, 1, maxBytes + 1L);
            }
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException)
        {
            // fall through: read it as a pipe
        }
        return Math.Min(FirstChunk, maxBytes + 1);
    }
}
