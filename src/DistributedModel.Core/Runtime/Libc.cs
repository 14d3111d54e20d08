using System.Runtime.InteropServices;

namespace DistributedModel.Core.Runtime;

/// <summary>The few libc calls Distributed Model makes itself (the hooks' file reads, the atomic appender) (bound at link time: DirectPInvoke in HookExecutable.props), with
/// the open(2) flags of Linux and Darwin.</summary>
public static partial class Libc
{
    public static int ReadOnly => 0;
    public static int WriteOnly => 0x1;
    public static int Create => OperatingSystem.IsMacOS() ? 0x200 : 0x40;
    public static int Append => OperatingSystem.IsMacOS() ? 0x8 : 0x400;

    /// <summary>O_NONBLOCK: opening a FIFO never waits for its other end.</summary>
    public static int NonBlocking => OperatingSystem.IsMacOS() ? 0x4 : 0x800;

    /// <summary>O_NOFOLLOW: the last component must not be a symbolic link.</summary>
    public static int NoFollow => OperatingSystem.IsMacOS() ? 0x100 : 0x20000;

    public static int CloseOnExec => OperatingSystem.IsMacOS() ? 0x1000000 : 0x80000;

    public const int EINTR = 4;

    /// <summary>ENOENT: no such file or directory (the same on Linux and Darwin).</summary>
    public const int ENOENT = 2;

    /// <summary>ELOOP: open(2) with <see cref="NoFollow"/> met a symbolic link.</summary>
    public static int ELOOP => OperatingSystem.IsMacOS() ? 62 : 40;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buf, nint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial byte* RealPath(string path, byte* resolved);

    /// <summary>realpath(3): the absolute path with every symbolic link, <c>.</c> and <c>..</c> resolved, or null when
    /// it does not exist or cannot be resolved.</summary>
    public static unsafe string? RealPath(string path)
    {
        const int PathMax = 4096;
        byte* buffer = stackalloc byte[PathMax + 1];
        byte* result = RealPath(path, buffer);
        return result is null ? null : Marshal.PtrToStringUTF8((nint)result);
    }
}
