using System.Text.Json.Nodes;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Testing;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Hooks.Tests.Process;

/// <summary>Issue 29.4: the published hooks run with no <c>dotnet</c> on <c>PATH</c> and <c>DOTNET_ROOT</c> pointing nowhere.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RunsWithoutDotnetTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-nodotnet");

    [Fact]
    public async Task PostToolUse_compresses_with_no_dotnet_anywhere()
    {
        var exe = await PublishedHooks.PostToolUseAsync();
        WithoutDotnet.IsNativeExecutable(exe).Should().BeTrue("a Native-AOT binary, not an apphost that loads libhostfxr from a .NET install");
        var empty = Directory.CreateDirectory(_dir.Combine("empty-path")).FullName;
        var log = NoisyBuildLog.Create();

        var r = await ProcessRunner.RunAsync(exe, [], _dir.Path, HookInputs.Bash(_dir.Path, log.Text), WithoutDotnet.Environment(empty), TimeSpan.FromSeconds(30));

        r.ExitCode.Should().Be(0, r.ToString());
        var stdout = JsonNode.Parse(r.StdOut)!["hookSpecificOutput"]!["updatedToolOutput"]!["stdout"]!.GetValue<string>();
        foreach (var e in log.ErrorLines) stdout.Should().Contain(e);
    }

    [Fact]
    public async Task UserPromptSubmit_answers_with_no_dotnet_anywhere()
    {
        var exe = await PublishedHooks.UserPromptSubmitAsync();
        WithoutDotnet.IsNativeExecutable(exe).Should().BeTrue();
        var empty = Directory.CreateDirectory(_dir.Combine("empty-path")).FullName;
        var stdin = new JsonObject
        {
            ["session_id"] = "s", ["transcript_path"] = _dir.Combine("t.jsonl"), ["cwd"] = _dir.Path,
            ["hook_event_name"] = "UserPromptSubmit", ["prompt"] = "get a second opinion on this migration plan",
        }.ToJsonString();

        var r = await ProcessRunner.RunAsync(exe, [], _dir.Path, stdin, WithoutDotnet.Environment(empty), TimeSpan.FromSeconds(30));

        r.ExitCode.Should().Be(0, r.ToString());
        r.StdErr.Should().BeEmpty();
        File.ReadAllLines(_dir.Combine(".claude", "hooks.log")).Should().ContainSingle().Which.Should().Contain("UserPromptSubmit");
    }

    [Fact]
    public void The_check_tells_an_apphost_from_a_native_binary()
    {
        // The SDK's apphost template is what a framework-dependent publish would ship: it must be told apart.
        var sdk = Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location)!)!; // …/shared/Microsoft.NETCore.App
        var apphost = Directory.EnumerateFiles(Path.Combine(sdk, "..", "..", "sdk"), "apphost", SearchOption.AllDirectories).FirstOrDefault();
        apphost.Should().NotBeNull("the .NET SDK that builds these tests ships an apphost template");
        WithoutDotnet.IsNativeExecutable(apphost!).Should().BeFalse();
    }

    public void Dispose() => _dir.Dispose();
}
