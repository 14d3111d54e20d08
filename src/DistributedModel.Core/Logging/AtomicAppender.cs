using System.Runtime.InteropServices;
using DistributedModel.Core.Runtime;
using System.Text;

namespace DistributedModel.Core.Logging;

/// <summary>
/// Appends whole lines to a file so that concurrent writers (several hook processes at once)
/// never interleave: on Unix each line is one <c>write(2)</c> on an <c>O_APPEND</c> descriptor,
/// which the kernel positions and writes atomically for regular files.
/// </summary>
public static partial class AtomicAppender
{
    /// <summary>Lines above this size are still written with one call, but POSIX only promises
    /// atomicity in practice for reasonably small writes; our records stay far below it.</summary>
    public const int RecommendedMaxLineBytes = 4096;

    /// <summary>Appends <paramref name="line"/> plus a newline in a single write. The folder must exist (inside a project,
    /// make it with <see cref="Workspace.WorkspacePaths.PrepareWrite"/>); a file that is a symbolic link is refused.</summary>
    public static void AppendLine(string path, string line)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(line);
        var bytes = new byte[Encoding.UTF8.GetByteCount(line) + 1];
        Encoding.UTF8.GetBytes(line, bytes);
        bytes[^1] = (byte)'\n';
        Append(path, bytes);
    }

    /// <summary>Appends the UTF-8 <paramref name="utf8Line"/> plus a newline in a single write (see <see cref="AppendLine(string, string)"/>).</summary>
    public static void AppendLine(string path, ReadOnlySpan<byte> utf8Line)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = new byte[utf8Line.Length + 1];
        utf8Line.CopyTo(bytes);
        bytes[^1] = (byte)'\n';
        Append(path, bytes);
    }

    private static void Append(string path, byte[] bytes)
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows: FILE_APPEND_DATA semantics via FileMode.Append.
            using var fs = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            fs.Write(bytes);
            return;
        }

        AppendUnix(path, bytes);
    }

    private static unsafe void AppendUnix(string path, byte[] bytes)
    {
        // O_NONBLOCK: a hooks.log that is a FIFO with no reader fails at once (ENXIO) instead of hanging the hook.
        // O_NOFOLLOW: a committed `.claude/hooks.log -> ~/.bashrc` fails (ELOOP) instead of appending to the link's target.
        int flags = Libc.WriteOnly | Libc.Create | Libc.Append | Libc.CloseOnExec | Libc.NonBlocking | Libc.NoFollow;
        int fd = Libc.Open(path, flags, 0x1A4 /* 0644 */);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == Libc.ELOOP)
                throw new Workspace.UnsafeWorkspacePathException(path, $"{path} is a symbolic link: not appended to (remove the link)");
            throw new IOException($"cannot open {path} for append (errno {errno})");
        }
        try
        {
            fixed (byte* p = bytes)
            {
                nint done = 0;
                while (done < bytes.Length)
                {
                    nint n = Libc.Write(fd, p + done, (nint)(bytes.Length - done));
                    if (n < 0)
                    {
                        int errno = Marshal.GetLastPInvokeError();
                        if (errno == Libc.EINTR) continue;
                        throw new IOException($"cannot append to {path} (errno {errno})");
                    }
                    done += n;
                }
            }
        }
        finally
        {
            _ = Libc.Close(fd);
        }
    }
}
