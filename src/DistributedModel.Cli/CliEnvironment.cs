namespace DistributedModel.Cli;

/// <summary>
/// Everything a command reads from the outside world, so tests can run the real command tree in-process
/// against temp directories, a temp HOME, captured output and a fixed clock.
/// </summary>
public sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }
    public required TextWriter Error { get; init; }
    public required string CurrentDirectory { get; init; }
    public required string HomeDirectory { get; init; }
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the running <c>dm</c> lives; the source tree is searched upward from here first.</summary>
    public string ToolDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>Timeout for provider reachability probes in <c>dm doctor</c>.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(3);

    public static CliEnvironment FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        CurrentDirectory = Directory.GetCurrentDirectory(),
        HomeDirectory = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h
            ? h
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
    };

    public string ResolvePath(string path) => Path.GetFullPath(path, CurrentDirectory);
}
