using DistributedModel.Testing.Processes;

namespace DistributedModel.Hooks.Tests.Process;

/// <summary>The Native-AOT hook executables, published once per test run (linux-x64, Release).</summary>
public static class PublishedHooks
{
    public static async Task<string> PostToolUseAsync() =>
        Path.Combine(await DotnetPublisher.PublishAsync("src/DistributedModel.Hooks.PostToolUse", aot: true), "PostToolUse");

    public static async Task<string> UserPromptSubmitAsync() =>
        Path.Combine(await DotnetPublisher.PublishAsync("src/DistributedModel.Hooks.UserPromptSubmit", aot: true), "UserPromptSubmit");

    /// <summary>Environment for a hook process: no CLAUDE_PROJECT_DIR leaking from a developer's own Claude session,
    /// so the workspace is the <c>cwd</c> of the stdin document.</summary>
    public static Dictionary<string, string?> CleanEnvironment() => new() { ["CLAUDE_PROJECT_DIR"] = null };

    public static Task<ProcessResult> RunAsync(string exe, string stdin, string workingDirectory) =>
        ProcessRunner.RunAsync(exe, [], workingDirectory, stdin, CleanEnvironment(), TimeSpan.FromSeconds(30));

    public static Task<ProcessResult> RunAsync(string exe, byte[] stdin, string workingDirectory) =>
        ProcessRunner.RunWithBytesAsync(exe, [], stdin, workingDirectory, CleanEnvironment(), TimeSpan.FromSeconds(30));
}
