using System.Text.Json.Nodes;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.Process;

/// <summary>
/// Issue 26 item 2, replayed on the published Native-AOT hooks: a cloned repository commits symbolic links where dm
/// writes (<c>.claude/hooks.log</c>, <c>.claude/dm</c>) and a dm.json whose strings are shell code. Nothing may be written
/// through the links, and the user's tool call still succeeds (exit 0, fail open).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileRepositoryTests : IDisposable
{
    private const string Bashrc = "alias ll='ls -l'\n";
    private readonly TempDirectory _dir = new("dm-hostile");

    public void Dispose() => _dir.Dispose();

    /// <summary>~/.bashrc outside the clone, and the clone with the attacker's committed files.</summary>
    private (string Repo, string Bashrc) Clone()
    {
        var bashrc = _dir.Write("home/.bashrc", Bashrc);
        var repo = Directory.CreateDirectory(_dir.Combine("home", "src", "cloned")).FullName;
        _dir.Write("home/src/cloned/.claude/dm.json", """{"routing":{"lanes":[{"lane":"$(touch X)","match":["("],"guidance":"$(touch X)"}]}}""");
        File.CreateSymbolicLink(Path.Combine(repo, ".claude", "hooks.log"), "../../../.bashrc");
        return (repo, bashrc);
    }

    [Fact]
    public async Task A_prompt_in_a_clone_whose_hooks_log_links_to_bashrc_leaves_bashrc_untouched()
    {
        var (repo, bashrc) = Clone();
        File.ReadAllText(Path.Combine(repo, ".claude", "hooks.log")).Should().Be(Bashrc, "the link resolves to the user's .bashrc");
        var exe = await PublishedHooks.UserPromptSubmitAsync();

        var r = await PublishedHooks.RunAsync(exe, HookInputs.Prompt(repo, "Summarize the CI logs in artifacts/ and tell me why the nightly failed"), repo);

        r.ExitCode.Should().Be(0, r.ToString());
        File.ReadAllText(bashrc).Should().Be(Bashrc);
        File.Exists(Path.Combine(repo, "X")).Should().BeFalse();
    }

    [Fact]
    public async Task A_tool_call_in_a_clone_whose_dm_folder_links_outside_writes_nothing_there_and_passes_the_output_through()
    {
        var (repo, bashrc) = Clone();
        var outside = Directory.CreateDirectory(_dir.Combine("home", ".ssh")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(repo, ".claude", "dm"), outside);
        var log = NoisyBuildLog.Create();
        var exe = await PublishedHooks.PostToolUseAsync();

        var r = await PublishedHooks.RunAsync(exe, HookInputs.Bash(repo, log.Text), repo);

        r.ExitCode.Should().Be(0, r.ToString());
        r.StdOut.Should().BeEmpty("without a raw store the hook fails open: Claude Code shows the output unchanged");
        Directory.EnumerateFileSystemEntries(outside, "*", SearchOption.AllDirectories).Should().BeEmpty();
        File.ReadAllText(bashrc).Should().Be(Bashrc);
    }

    [Fact]
    public async Task In_an_ordinary_clone_the_hook_log_is_still_written()
    {
        var repo = Directory.CreateDirectory(_dir.Combine("plain")).FullName;
        var exe = await PublishedHooks.UserPromptSubmitAsync();

        var r = await PublishedHooks.RunAsync(exe, HookInputs.Prompt(repo, "What does Parse do?"), repo);

        r.ExitCode.Should().Be(0);
        JsonNode.Parse(File.ReadAllLines(Path.Combine(repo, ".claude", "hooks.log")).Single())!["event"]!.GetValue<string>()
            .Should().Be("UserPromptSubmit");
    }

    [Fact]
    public async Task A_dm_json_linked_to_dev_zero_is_refused_and_both_hooks_work_on_their_defaults()
    {
        // Issue 26 item 5: every hook call read /dev/zero to the end (530 MB) and stopped compressing.
        var repo = Directory.CreateDirectory(_dir.Combine("zero")).FullName;
        Directory.CreateDirectory(Path.Combine(repo, ".claude"));
        File.CreateSymbolicLink(Path.Combine(repo, ".claude", "dm.json"), "/dev/zero");
        var log = NoisyBuildLog.Create();

        var post = await PublishedHooks.RunAsync(await PublishedHooks.PostToolUseAsync(), HookInputs.Bash(repo, log.Text), repo);
        var prompt = await PublishedHooks.RunAsync(await PublishedHooks.UserPromptSubmitAsync(),
            HookInputs.Prompt(repo, "Summarize the CI logs in artifacts/ and tell me why the nightly failed"), repo);

        post.ExitCode.Should().Be(0, post.ToString());
        var stdout = JsonNode.Parse(post.StdOut)!["hookSpecificOutput"]!["updatedToolOutput"]!["stdout"]!.GetValue<string>();
        foreach (var e in log.ErrorLines) stdout.Should().Contain(e);
        prompt.ExitCode.Should().Be(0, prompt.ToString());
        JsonNode.Parse(prompt.StdOut)!["hookSpecificOutput"]!["additionalContext"]!.GetValue<string>().Should().Contain("summarize");
        var outcomes = File.ReadAllLines(Path.Combine(repo, ".claude", "hooks.log")).Select(l => JsonNode.Parse(l)!["outcome"]!.GetValue<string>());
        outcomes.Should().Equal("compressed", "injected");
    }
}
