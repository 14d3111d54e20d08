using System.Collections.Concurrent;

namespace DistributedModel.Testing.Processes;

/// <summary>
/// Publishes a project of this repository once per test run (cached per project + mode) into
/// <c>artifacts/test-publish/</c>, so process tests run the real deployable (AOT exe or app).
/// </summary>
public static class DotnetPublisher
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Cache = new();
    private static readonly SemaphoreSlim Gate = new(1, 1); // one publish at a time: 2-core machines

    /// <param name="projectRelativePath">e.g. <c>src/DistributedModel.Hooks.PostToolUse</c></param>
    /// <param name="aot">true: Native AOT for linux-x64; false: framework-dependent for linux-x64.</param>
    /// <returns>The output directory.</returns>
    public static Task<string> PublishAsync(string projectRelativePath, bool aot) =>
        Cache.GetOrAdd(projectRelativePath + "|" + aot, _ => new Lazy<Task<string>>(() => DoPublishAsync(projectRelativePath, aot))).Value;

    private static async Task<string> DoPublishAsync(string project, bool aot)
    {
        var name = Path.GetFileName(project.TrimEnd('/', '\\'));
        // One folder per test assembly: the test projects run in parallel processes, and one publishing over the binary
        // another is executing failed with "Text file busy" (ETXTBSY) in CI.
        var owner = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name is { } entry && entry != "testhost"
            ? entry : AppDomain.CurrentDomain.GetAssemblies().Select(static a => a.GetName().Name).FirstOrDefault(static n => n is not null && n.EndsWith(".Tests", StringComparison.Ordinal)) ?? "shared";
        var output = Path.Combine(RepoPaths.Root, "artifacts", "test-publish", owner, name + (aot ? "-aot" : ""));
        var args = new List<string> { "publish", Path.Combine(RepoPaths.Root, project), "-c", "Release", "-o", output, "--nologo" };
        args.AddRange(aot ? ["-r", "linux-x64"] : ["-r", "linux-x64", "--self-contained", "false"]); // as dm install publishes
        await Gate.WaitAsync();
        try
        {
            var r = await ProcessRunner.RunAsync("dotnet", args, RepoPaths.Root, timeout: TimeSpan.FromMinutes(10));
            if (r.ExitCode != 0) throw new InvalidOperationException("dotnet publish failed:\n" + r);
        }
        finally { Gate.Release(); }
        return output;
    }
}
