using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using DistributedModel.Core.Runtime;

namespace DistributedModel.Hooks.Runtime;

/// <summary>
/// Reads a file only when it is a regular file of bounded size. On Unix the open is non-blocking (a FIFO with no writer
/// never hangs the hook) and refuses a symbolic link as the last component; what was opened is then checked through the
/// descriptor itself (seekable, with a length), so a FIFO, a socket or <c>/dev/zero</c> is refused and a file swapped
/// after a path check is the file that gets measured.
/// </summary>
public static class RegularFile
{
    /// <summary>The file's bytes. Throws <see cref="FailOpenException"/>: <c>not-a-file</c>, <c>too-large</c>, <c>unreadable</c>.</summary>
    public static byte[] Read(string path, long maxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var handle = Open(path);
        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        if (!stream.CanSeek) throw new FailOpenException("not-a-file", "not a regular file");
        long length = stream.Length;
        if (length > maxBytes) throw new FailOpenException("too-large", $"{length} bytes over the {maxBytes}-byte limit");
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static SafeFileHandle Open(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            var attributes = File.GetAttributes(path);
            if ((attributes & (FileAttributes.Directory | FileAttributes.Device | FileAttributes.ReparsePoint)) != 0)
                throw new FailOpenException("not-a-file", attributes.ToString());
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        int fd = Libc.Open(path, Libc.ReadOnly | Libc.NonBlocking | Libc.NoFollow | Libc.CloseOnExec, 0);
        if (fd < 0) throw new FailOpenException("unreadable", $"open failed (errno {Marshal.GetLastPInvokeError()})");
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            // .NET refuses directories here; FIFOs, sockets and character devices are not seekable or have no length.
            _ = RandomAccess.GetLength(handle);
            return handle;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            handle.Dispose();
            throw new FailOpenException("not-a-file", ex.GetType().Name);
        }
    }
}
