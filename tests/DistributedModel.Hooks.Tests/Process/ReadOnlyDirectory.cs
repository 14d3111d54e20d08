using DistributedModel.Core.Processes;

namespace DistributedModel.Hooks.Tests.Process;

/// <summary>
/// Makes a directory unwritable for the duration of a test: <c>chmod 0555</c>, plus <c>chattr +i</c> when the tests run as
/// root (root ignores permission bits). Throws if the directory is still writable, so the test cannot pass vacuously.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyDirectory : IDisposable
{
    private readonly string _path;
    private bool _immutable;

    public ReadOnlyDirectory(string path)
    {
        _path = path;
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (IsWritable())
        {
            _immutable = Run("chattr", "+i", path) == 0;
            if (!IsWritable()) return;
            Dispose();
            throw new InvalidOperationException($"cannot make {path} read-only here (root without chattr?): the read-only test would prove nothing");
        }
    }

    private bool IsWritable()
    {
        var probe = Path.Combine(_path, ".probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(probe, "x");
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static int Run(string file, params string[] args)
    {
        var run = ProcessRunner.RunAsync(new ProcessSpec(file) { Arguments = args, TimeLimit = TimeSpan.FromSeconds(10) }).GetAwaiter().GetResult();
        return run.Started ? run.ExitCode : -1;
    }

    public void Dispose()
    {
        if (_immutable) { Run("chattr", "-i", _path); _immutable = false; }
        File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }
}
