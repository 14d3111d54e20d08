using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Core.Workspace;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.Process;

/// <summary>Runs the published Native-AOT UserPromptSubmit exe with real stdin JSON.</summary>
public sealed class UserPromptSubmitProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-ups-proc");
    private WorkspacePaths Paths => new(_dir.Path);

    private string LastOutcome() => JsonNode.Parse(File.ReadAllLines(Paths.HooksLog).Single())!["outcome"]!.GetValue<string>();

    [Fact]
    public async Task Matching_prompt_gets_additionalContext_under_600_bytes()
    {
        var exe = await PublishedHooks.UserPromptSubmitAsync();

        var r = await PublishedHooks.RunAsync(exe, HookInputs.Prompt(_dir.Path, "Summarize the CI logs in artifacts/ and tell me why the nightly failed"), _dir.Path);

        r.ExitCode.Should().Be(0, r.ToString());
        var specific = JsonNode.Parse(r.StdOut)!["hookSpecificOutput"]!;
        specific["hookEventName"]!.GetValue<string>().Should().Be("UserPromptSubmit");
        var context = specific["additionalContext"]!.GetValue<string>();
        context.Should().Contain("mcp__distributed-model__summarize");
        Encoding.UTF8.GetByteCount(context).Should().BeLessThan(600);
        LastOutcome().Should().Be("injected");
    }

    [Fact]
    public async Task Neutral_prompt_gets_nothing()
    {
        var exe = await PublishedHooks.UserPromptSubmitAsync();

        var r = await PublishedHooks.RunAsync(exe, HookInputs.Prompt(_dir.Path, "What does the Parse method in HookInput do?"), _dir.Path);

        r.ExitCode.Should().Be(0);
        r.StdOut.Should().BeEmpty();
        LastOutcome().Should().Be("passthrough");
    }

    [Fact]
    public async Task Routing_rules_from_the_project_dm_json_apply_in_the_published_exe()
    {
        var exe = await PublishedHooks.UserPromptSubmitAsync();
        _dir.Write(".claude/dm.json", """{"routing":{"lanes":[{"lane":"perf","match":["\\bflame ?graph\\b"],"guidance":"Profile first: dotnet-trace."}]}}""");

        var r = await PublishedHooks.RunAsync(exe, HookInputs.Prompt(_dir.Path, "Look at this flamegraph and tell me what is slow"), _dir.Path);

        JsonNode.Parse(r.StdOut)!["hookSpecificOutput"]!["additionalContext"]!.GetValue<string>().Should().Contain("dotnet-trace");
    }

    [Fact]
    public async Task Malformed_stdin_fails_open()
    {
        var exe = await PublishedHooks.UserPromptSubmitAsync();

        var r = await PublishedHooks.RunAsync(exe, "{\"prompt\": ", _dir.Path);

        r.ExitCode.Should().Be(0);
        r.StdOut.Should().BeEmpty();
        LastOutcome().Should().Be("failopen:malformed-json");
    }

    public void Dispose() => _dir.Dispose();
}
