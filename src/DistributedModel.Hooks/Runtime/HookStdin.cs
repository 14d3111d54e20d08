namespace DistributedModel.Hooks.Runtime;

/// <summary>Reads a hook's stdin fully, bounded by <see cref="HookLimits.MaxStdinBytes"/>.</summary>
public static class HookStdin
{
    /// <summary>
    /// Reads all of <paramref name="stdin"/>. Throws <see cref="FailOpenException"/> (<c>empty-input</c>, <c>too-large</c>)
    /// when there is nothing to work on; an oversized input is drained so the writer never sees a broken pipe.
    /// </summary>
    /// <param name="totalBytes">Bytes read (also when too large), for the log line.</param>
    public static byte[] ReadAll(Stream stdin, out long totalBytes, int maxBytes = HookLimits.MaxStdinBytes)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        var buffer = new byte[64 * 1024];
        using var ms = new MemoryStream();
        long total = 0;
        bool tooLarge = false;
        int n;
        while ((n = stdin.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += n;
            if (tooLarge) continue;
            if (total > maxBytes) { tooLarge = true; ms.SetLength(0); continue; }
            ms.Write(buffer, 0, n);
        }
        totalBytes = total;
        if (tooLarge) throw new FailOpenException("too-large", $"stdin over {maxBytes} bytes");
        if (total == 0) throw new FailOpenException("empty-input");
        return ms.ToArray();
    }
}
