using Microsoft.Extensions.Time.Testing;
using DistributedModel.Testing;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Cli.Tests.Support;

/// <summary>
/// Runs the real <c>dm</c> command tree in-process against a temp repository and a temp HOME, with a fixed clock.
/// </summary>
public sealed class CliHarness : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new("dm-cli");
    private readonly Dictionary<string, string?> _env = new(StringComparer.Ordinal) { ["PATH"] = "" };

    /// <param name="now">The clock's start: <see cref="Now"/> unless a test mixes in timestamps written by real processes.</param>
    public CliHarness(DateTimeOffset? now = null)
    {
        Directory.CreateDirectory(Repo);
        Directory.CreateDirectory(Home);
        Clock = new FakeTimeProvider(now ?? Now);
    }

    public string Root => _temp.Path;
    public string Repo => _temp.Combine("repo");
    public string Home => _temp.Combine("home");
    public FakeTimeProvider Clock { get; }
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan SmokeTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public string RepoFile(string rel) => Path.Combine(Repo, rel);
    public string HomeFile(string rel) => Path.Combine(Home, rel);

    public string WriteRepo(string rel, string content) => _temp.Write(Path.Combine("repo", rel), content);
    public string WriteHome(string rel, string content) => _temp.Write(Path.Combine("home", rel), content);
    public string Write(string rel, string content) => _temp.Write(rel, content);

    public void SetEnv(string name, string? value) => _env[name] = value;

    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var env = new CliEnvironment
        {
            Out = o,
            Error = e,
            CurrentDirectory = Repo,
            HomeDirectory = Home,
            GetEnvironmentVariable = n => _env.GetValueOrDefault(n),
            Time = Clock,
            ToolDirectory = Root, // not inside a source tree: install must use --hooks-from
            ProbeTimeout = ProbeTimeout,
            SmokeTimeout = SmokeTimeout,
        };
        int code = await CliApp.RunAsync(args, env);
        return new CliRun(code, o.ToString(), e.ToString());
    }

    /// <summary>
    /// A complete binaries directory made of tiny shell scripts (fast; no publish), laid out as the real one: three
    /// executables, and with <paramref name="statusLine"/> a fourth, <c>StatusLine</c>, that prints <see cref="FakeStatusLine"/>.
    /// </summary>
    public string FakeBinaries(string name = "fakebin", string marker = "v1", bool statusLine = false)
    {
        var dir = _temp.Combine(name);
        foreach (var rel in new[] { "PostToolUse", "UserPromptSubmit", "mcp/dm-mcp" })
            _temp.Write(Path.Combine(name, rel), $"#!/bin/sh\n# {marker}\nexit 0\n");
        if (statusLine) _temp.Write(Path.Combine(name, "StatusLine"), $"#!/bin/sh\n# {marker}\ncat >/dev/null\necho '{FakeStatusLine}'\n");
        return dir;
    }

    /// <summary>What the fake <c>StatusLine</c> of <see cref="FakeBinaries"/> prints.</summary>
    public const string FakeStatusLine = "dm fake status";

    /// <summary>
    /// The real deployables laid out as <c>dm install --hooks-from</c> expects: the three Native AOT executables, and with
    /// <paramref name="statusLine"/> the status line too, published once per test run (<see cref="DotnetPublisher"/>).
    /// </summary>
    public async Task<string> RealBinariesAsync(bool statusLine = false)
    {
        var dir = _temp.Combine("realbin");
        Directory.CreateDirectory(Path.Combine(dir, "mcp"));
        foreach (var (project, exe) in new[] { ("src/DistributedModel.Hooks.PostToolUse", "PostToolUse"), ("src/DistributedModel.Hooks.UserPromptSubmit", "UserPromptSubmit") })
            File.Copy(Path.Combine(await DotnetPublisher.PublishAsync(project, aot: true), exe), Path.Combine(dir, exe), overwrite: true);
        var mcp = await DotnetPublisher.PublishAsync("src/DistributedModel.Mcp", aot: true);
        File.Copy(Path.Combine(mcp, "dm-mcp"), Path.Combine(dir, "mcp", "dm-mcp"), overwrite: true); // one native file, as dm install lays it out
        if (statusLine)
            File.Copy(Path.Combine(await DotnetPublisher.PublishAsync("src/DistributedModel.StatusLine", aot: true), "StatusLine"), Path.Combine(dir, "StatusLine"), overwrite: true);
        return dir;
    }

    /// <summary>Every file under a directory with its bytes, for byte-exact comparisons.</summary>
    public static SortedDictionary<string, string> Snapshot(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToBase64String(File.ReadAllBytes(f))), StringComparer.Ordinal);

    public static SortedSet<string> Dirs(string dir) =>
        new(Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(dir, d)), StringComparer.Ordinal);

    public void Dispose() => _temp.Dispose();
}
