using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DistributedModel.Core.Runtime;

/// <summary>
/// Reads a file only when it is a regular file of bounded size — the one way Distributed Model reads configuration,
/// state and persisted outputs that a repository or a tool can plant. On Unix the open is non-blocking (a FIFO with no
/// writer never hangs the process); what was opened is then checked through the descriptor itself: a FIFO or a socket
/// has no length, and a character device such as <c>/dev/zero</c> reports length 0 and then yields bytes, so both are
/// refused after at most one small read instead of filling memory.
/// </summary>
public static class BoundedFile
{
    /// <summary>The file's bytes.</summary>
    /// <param name="followLinks">false: a symbolic link as the last component is refused (<c>O_NOFOLLOW</c>).</param>
    /// <exception cref="BoundedFileException">Reason <c>absent</c>, <c>not-a-file</c>, <c>too-large</c> or <c>unreadable</c>.</exception>
    public static byte[] Read(string path, long maxBytes, bool followLinks = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var handle = Open(path, followLinks);
        long length;
        try { length = RandomAccess.GetLength(handle); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new BoundedFileException("not-a-file", "not a regular file");
        }
        if (length > maxBytes) throw new BoundedFileException("too-large", $"{length} bytes over the {maxBytes}-byte limit");
        var bytes = new byte[length];
        int read = 0;
        try
        {
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            int n;
            while (read < bytes.Length && (n = stream.Read(bytes, read, bytes.Length - read)) > 0) read += n;
            Span<byte> probe = stackalloc byte[1];
            if (stream.Read(probe) > 0) throw new BoundedFileException("not-a-file", "not a regular file (it yields more bytes than its length)");
        }
        catch (IOException ex) when (ex is not BoundedFileException)
        {
            // EISDIR: .NET opens a directory's descriptor and fails on the first read.
            throw Directory.Exists(path) ? new BoundedFileException("not-a-file", "a directory") : new BoundedFileException("unreadable", ex.Message);
        }
        return read == bytes.Length ? bytes : bytes[..read];
    }

    private static SafeFileHandle Open(string path, bool followLinks)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            FileAttributes attributes;
            try { attributes = File.GetAttributes(path); }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException) { throw new BoundedFileException("absent", "no such file"); }
            var refused = FileAttributes.Directory | FileAttributes.Device | (followLinks ? 0 : FileAttributes.ReparsePoint);
            if ((attributes & refused) != 0) throw new BoundedFileException("not-a-file", attributes.ToString());
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        int flags = Libc.ReadOnly | Libc.NonBlocking | Libc.CloseOnExec | (followLinks ? 0 : Libc.NoFollow);
        int fd = Libc.Open(path, flags, 0);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw errno == Libc.ENOENT ? new BoundedFileException("absent", "no such file")
                : errno == Libc.ELOOP ? new BoundedFileException("not-a-file", "a symbolic link")
                : new BoundedFileException("unreadable", $"open failed (errno {errno})");
        }
        return new SafeFileHandle(fd, ownsHandle: true); // .NET refuses a directory on first use: GetLength then throws
    }
}
