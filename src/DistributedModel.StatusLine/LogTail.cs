using DistributedModel.Core.Runtime;
using Microsoft.Win32.SafeHandles;
using System.Text;

namespace DistributedModel.StatusLine;

/// <summary>
/// The complete lines in the last <see cref="MaxBytes"/> of a JSON-lines file: it seeks back from the end, so a huge
/// log costs no more than a small one. A line cut by the window's start is dropped, and so is an unterminated last
/// line (an appender may be mid-write). <see cref="ReachedStart"/> says whether the window began at the file's start.
/// </summary>
internal sealed class LogTail
{
    /// <summary>How much of the end of a log the status line reads.</summary>
    public const int MaxBytes = 256 * 1024;

    private LogTail(List<string> lines, bool reachedStart)
    {
        Lines = lines;
        ReachedStart = reachedStart;
    }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>True when nothing before the window was skipped (the file is no longer than the window).</summary>
    public bool ReachedStart { get; }

    public static LogTail Empty { get; } = new([], reachedStart: true);

    /// <summary>Reads the tail of <paramref name="path"/>; <see cref="Empty"/> when it is missing or unreadable.</summary>
    public static LogTail Read(string path, int maxBytes = MaxBytes)
    {
        try
        {
            using var file = OpenRegular(path);
            if (!file.CanSeek) return Empty;
            long length = file.Length;
            long start = Math.Max(0, length - maxBytes);
            file.Position = start;
            var buffer = new byte[(int)(length - start)];
            int read = 0, n;
            while (read < buffer.Length && (n = file.Read(buffer, read, buffer.Length - read)) > 0) read += n;
            return Split(buffer.AsSpan(0, read), cutAtStart: start > 0);
        }
        catch (IOException) { return Empty; }
        catch (UnauthorizedAccessException) { return Empty; }
        catch (NotSupportedException) { return Empty; }
    }

    /// <summary>Opens without waiting: on Unix non-blocking, so a hooks.log that is a FIFO with no writer never hangs the
    /// status line (Claude Code runs it after every message); a FIFO, socket or device has no length and is refused.</summary>
    private static FileStream OpenRegular(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.None);
        int fd = Libc.Open(path, Libc.ReadOnly | Libc.NonBlocking | Libc.CloseOnExec, 0);
        if (fd < 0) throw new IOException("cannot open " + path);
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            _ = RandomAccess.GetLength(handle);
            return new FileStream(handle, FileAccess.Read, bufferSize: 1);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static LogTail Split(ReadOnlySpan<byte> bytes, bool cutAtStart)
    {
        if (cutAtStart)
        {
            int first = bytes.IndexOf((byte)'\n');
            bytes = first < 0 ? [] : bytes[(first + 1)..];
        }
        int last = bytes.LastIndexOf((byte)'\n');
        bytes = last < 0 ? [] : bytes[..last];
        var lines = new List<string>();
        foreach (var range in bytes.Split((byte)'\n'))
        {
            var line = bytes[range];
            if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
            if (line.Length > 0) lines.Add(Encoding.UTF8.GetString(line));
        }
        return new LogTail(lines, reachedStart: !cutAtStart);
    }
}
