using System.Globalization;
using System.Runtime.InteropServices;
using DistributedModel.Core.Runtime;
using Microsoft.Win32.SafeHandles;
using ModelContextProtocol;

namespace DistributedModel.Mcp.Files;

/// <summary>
/// Keeps every file the server reads or creates inside the workspace by its <em>real</em> path: realpath(3) resolves each
/// symbolic link the way the kernel will (a link whose target ends in <c>..</c> goes to the parent of where the link
/// <em>points</em>, not of where it sits), and the check is made again right before each open or create. Reads open the
/// resolved path with <c>O_NOFOLLOW</c>; creates use <c>O_CREAT|O_EXCL</c> (never follows a link); directories are created
/// one level at a time, each resolved again once it exists. On Linux the descriptor itself is then checked
/// (<c>/proc/self/fd</c>), so a directory swapped for a link between check and open is caught too.
/// </summary>
internal sealed class WorkspaceConfinement(string realRoot)
{
    public string RealRoot { get; } = realRoot;

    /// <summary>The real path of an existing <paramref name="full"/>; null when it does not exist (or is a dangling link).</summary>
    public static string? Real(string full) =>
        OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? Libc.RealPath(full)
        : File.Exists(full) || Directory.Exists(full) ? Path.GetFullPath(full) : null;

    public bool IsInside(string realPath) =>
        realPath == RealRoot || realPath.StartsWith(RealRoot.EndsWith('/') ? RealRoot : RealRoot + "/", StringComparison.Ordinal);

    /// <summary>The real path of existing <paramref name="full"/>, refused with <paramref name="display"/> when it resolves outside.</summary>
    public string RequireInside(string full, string display)
    {
        var real = Real(full) ?? throw new McpException($"'{display}' does not exist in the workspace");
        if (!IsInside(real)) throw Outside(display);
        return real;
    }

    /// <summary>
    /// Where a not-yet-existing <paramref name="full"/> would really land: the real path of its deepest existing ancestor plus the
    /// rest as written. Throws when that ancestor resolves outside, or an ancestor is a dangling link.
    /// </summary>
    public string RealForNew(string full, string display)
    {
        var rest = new Stack<string>();
        var current = full;
        while (true)
        {
            if (Exists(current))
            {
                var real = Real(current) ?? throw new McpException($"'{display}' goes through a dangling symbolic link ({current})");
                var result = rest.Aggregate(real, Path.Combine);
                if (!IsInside(result)) throw Outside(display);
                return result;
            }
            var parent = Path.GetDirectoryName(current);
            if (parent is null || parent == current) throw Outside(display);
            rest.Push(Path.GetFileName(current));
            current = parent;
        }
    }

    /// <summary>Opens an existing file for reading: resolved and checked, then opened without following a last-component link.</summary>
    public FileStream OpenRead(string full, string display)
    {
        var real = RequireInside(full, display);
        SafeFileHandle handle;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            // O_NONBLOCK: a FIFO opens at once (no wait for a writer) and is then refused below as not a regular file.
            var fd = Libc.Open(real, Libc.ReadOnly | Libc.NoFollow | Libc.NonBlocking | Libc.CloseOnExec, 0);
            if (fd < 0)
                throw new McpException($"'{display}' could not be opened (errno {Marshal.GetLastPInvokeError().ToString(CultureInfo.InvariantCulture)})");
            handle = new SafeFileHandle(fd, ownsHandle: true);
        }
        else handle = File.OpenHandle(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Regular(Verified(handle, display), display);
    }

    /// <summary>Creates the directory <paramref name="full"/> (and missing parents) one level at a time; returns its real path.</summary>
    public string CreateDirectory(string full, string display, ICollection<string>? created = null)
    {
        var real = RealForNew(full, display);
        var missing = new Stack<string>();
        for (var p = real; !Exists(p); p = Path.GetDirectoryName(p)!) missing.Push(p);
        while (missing.Count > 0)
        {
            var dir = missing.Pop();
            if (!Exists(dir))
            {
                Directory.CreateDirectory(dir);
                created?.Add(dir);
            }
            var again = Real(dir);
            if (again is null || !IsInside(again) || !Directory.Exists(again)) throw Outside(display);
        }
        var final = Real(real);
        if (final is null || !IsInside(final)) throw Outside(display);
        return final;
    }

    /// <summary>Creates <paramref name="name"/> in the real directory <paramref name="realDir"/>; fails if anything (a link too) is there.</summary>
    public FileStream CreateNew(string realDir, string name, string display)
    {
        var again = Real(realDir);
        if (again is null || again != realDir || !IsInside(again)) throw Outside(display);
        var handle = File.OpenHandle(Path.Combine(realDir, name), FileMode.CreateNew, FileAccess.Write, FileShare.None);
        return new FileStream(Verified(handle, display), FileAccess.Write, bufferSize: 0);
    }

    /// <summary>What was opened must be a regular file: a FIFO, socket or terminal is not seekable; .NET refuses directories.</summary>
    private static FileStream Regular(SafeFileHandle handle, string display)
    {
        try
        {
            var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            if (stream.CanSeek) return stream;
            stream.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException) { handle.Dispose(); }
        throw new McpException($"'{display}' is not a regular file (a FIFO, device, socket or directory); only regular files are read");
    }

    private SafeFileHandle Verified(SafeFileHandle handle, string display)
    {
        if (!OperatingSystem.IsLinux()) return handle;
        var opened = new FileInfo("/proc/self/fd/" + handle.DangerousGetHandle().ToString(CultureInfo.InvariantCulture)).LinkTarget;
        if (opened is not null && IsInside(opened)) return handle;
        handle.Dispose();
        throw Outside(display);
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static McpException Outside(string display) =>
        new($"'{display}' leads outside the workspace through a symbolic link; refused");
}
