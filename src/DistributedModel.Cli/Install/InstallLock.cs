using System.Security.Cryptography;
using System.Text;

namespace DistributedModel.Cli.Install;

/// <summary>
/// One <c>dm install</c>/<c>uninstall</c>/<c>promote</c> at a time per repository (or per home for user scope): an
/// exclusive lock on a file in the system temp directory named after the target's full path, so it touches nothing in
/// the repository. The (empty) lock file stays: deleting it on release would let a waiter lock the unlinked file while a
/// newcomer locks a new one. The operating system releases the lock if the process dies.
/// </summary>
public sealed class InstallLock : IDisposable
{
    private readonly FileStream _stream;

    private InstallLock(FileStream stream) => _stream = stream;

    /// <summary>The lock file for <paramref name="target"/> (a repository root or a home directory).</summary>
    public static string PathFor(string target)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(target))))[..16];
        return Path.Combine(Path.GetTempPath(), $"dm-install-{hash}.lock");
    }

    /// <exception cref="UsageException">Another dm holds the lock: nothing was changed.</exception>
    public static InstallLock Acquire(string target)
    {
        var path = PathFor(target);
        try
        {
            // FileShare.None: .NET takes an exclusive advisory lock (flock) on Unix and a sharing lock on Windows.
            return new InstallLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1));
        }
        catch (IOException)
        {
            throw new UsageException($"another dm install, uninstall or promote is running on {target} (it holds {path}); nothing was changed. " +
                "Run again when it has finished.");
        }
    }

    public void Dispose() => _stream.Dispose();
}
