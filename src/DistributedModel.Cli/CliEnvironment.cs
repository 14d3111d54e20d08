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

    /// <summary>Time limit for each run of an installed binary in <c>dm doctor</c> (the MCP server starts in ~0.3 s on an idle machine).</summary>
    public TimeSpan SmokeTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public static CliEnvironment FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        CurrentDirectory = Directory.GetCurrentDirectory(),
        HomeDirectory = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h
            ? h
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
    };

    /// <summary>The same environment printing through <see cref="Terminal.SafeTerminalWriter"/> (idempotent).</summary>
    public CliEnvironment WithSafeTerminal() => Out is Terminal.SafeTerminalWriter ? this : new()
    {
        Out = new Terminal.SafeTerminalWriter(Out),
        Error = new Terminal.SafeTerminalWriter(Error),
        CurrentDirectory = CurrentDirectory,
        HomeDirectory = HomeDirectory,
        GetEnvironmentVariable = GetEnvironmentVariable,
        Time = Time,
        ToolDirectory = ToolDirectory,
        ProbeTimeout = ProbeTimeout,
        SmokeTimeout = SmokeTimeout,
    };

    public string ResolvePath(string path) => Path.GetFullPath(path, CurrentDirectory);

    /// <summary>The repository directory given by <c>--repo</c> (default: the current directory); it must exist.</summary>
    public string ResolveRepository(string? repo)
    {
        var root = ResolvePath(repo ?? ".");
        if (!Directory.Exists(root)) throw new UsageException($"repository directory {root} does not exist.");
        return root;
    }

    /// <summary>An output file named by an option; its directory must exist.</summary>
    public string ResolveOutputFile(string path, string option)
    {
        var full = ResolvePath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir) && !Directory.Exists(dir)) throw new UsageException($"directory of {option} {full} does not exist.");
        return full;
    }
}
