using DistributedModel.Testing;

namespace DistributedModel.Mcp.Tests.Files;

/// <summary>
/// Issue 11.1, the exact attack: inside the workspace <c>d -> /outside/inner</c> and <c>x -> d/..</c>. The kernel resolves
/// <c>x</c> to <c>/outside</c> (the parent of where <c>d</c> points), so <c>x/inner/secret.txt</c> is the outside file and
/// <c>x/inner/pwn.txt</c> lands outside. Real symbolic links on the real file system; the provider is a loopback fake.
/// Must survive: the outside file never reaches a provider, nothing is created outside, and in-workspace links keep working.
/// </summary>
public sealed class SymlinkEscapeTests
{
    private const string Secret = "TOP-SECRET-OUTSIDE-CONTENT";

    private static void PlantLinks(LaneServerHarness h, TempDirectory outside)
    {
        Directory.CreateDirectory(outside.Combine("inner"));
        File.WriteAllText(outside.Combine("inner", "secret.txt"), Secret + "\nerror: outside\n");
        File.CreateSymbolicLink(h.Workspace.Combine("d"), outside.Combine("inner"));
        File.CreateSymbolicLink(h.Workspace.Combine("x"), "d/..");
        // the attack works at the kernel level: x/inner/secret.txt really is the outside file
        File.ReadAllText(h.Workspace.Combine("x", "inner", "secret.txt")).Should().StartWith(Secret);
    }

    [Theory]
    [InlineData("summarize", "x/inner/secret.txt")]
    [InlineData("summarize", "x/inner/*.txt")]
    [InlineData("consult", "x/inner/secret.txt")]
    public async Task Reading_through_a_link_ending_in_dotdot_is_refused_and_nothing_reaches_the_provider(string tool, string path)
    {
        await using var h = await LaneServerHarness.StartAsync();
        using var outside = new TempDirectory("dm-outside");
        PlantLinks(h, outside);
        h.Gemini.Reply("digest");
        h.OpenAI.Reply(Samples.Opinion("AFFIRM"));

        var (text, isError) = await h.CallAsync(tool, new() { ["paths"] = new[] { path }, ["question"] = "q" });

        isError.Should().BeTrue(text);
        text.Should().Contain("outside the workspace");
        h.Gemini.Requests.Concat(h.OpenAI.Requests).Should().NotContain(r => r.UserPrompt!.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_scaffold_answer_writing_through_the_link_is_refused_and_nothing_is_created_outside()
    {
        await using var h = await LaneServerHarness.StartAsync();
        using var outside = new TempDirectory("dm-outside");
        PlantLinks(h, outside);
        h.DeepSeek.Reply("""{"files":[{"path":"ok.cs","summary":"s","content":"x"},{"path":"x/inner/pwn.txt","summary":"s","content":"pwned"}]}""");

        var (text, isError) = await h.CallAsync("scaffold", new() { ["spec"] = "x" });

        isError.Should().BeTrue(text);
        text.Should().Contain("x/inner/pwn.txt").And.Contain("outside the workspace");
        File.Exists(outside.Combine("inner", "pwn.txt")).Should().BeFalse();
        Directory.GetFileSystemEntries(outside.Path, "*", SearchOption.AllDirectories)
            .Should().BeEquivalentTo([outside.Combine("inner"), outside.Combine("inner", "secret.txt")]);
        File.Exists(h.Workspace.Combine("ok.cs")).Should().BeFalse("nothing at all is written when one path is refused");
    }

    [Fact]
    public async Task A_scaffold_target_directory_through_the_link_is_refused()
    {
        await using var h = await LaneServerHarness.StartAsync();
        using var outside = new TempDirectory("dm-outside");
        PlantLinks(h, outside);
        h.DeepSeek.Reply("""{"files":[{"path":"pwn.txt","summary":"s","content":"pwned"}]}""");

        var (text, isError) = await h.CallAsync("scaffold", new() { ["spec"] = "x", ["directory"] = "x/inner" });

        isError.Should().BeTrue(text);
        text.Should().Contain("outside the workspace");
        File.Exists(outside.Combine("inner", "pwn.txt")).Should().BeFalse();
    }

    [Fact]
    public async Task Links_that_stay_inside_the_workspace_still_work_for_reading_and_writing()
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.Write("real/logs/app.log", "error: inside\n");
        File.CreateSymbolicLink(h.Workspace.Combine("logs"), "real/logs");
        File.CreateSymbolicLink(h.Workspace.Combine("up"), "real/logs/..");
        h.Gemini.Reply("digest of the inside log");
        h.DeepSeek.Reply("""{"files":[{"path":"up/gen/New.cs","summary":"s","content":"class New {}"}]}""");

        var (text, isError) = await h.CallAsync("summarize", new() { ["paths"] = new[] { "logs/app.log", "up/logs/*.log" } });
        isError.Should().BeFalse(text);
        h.Gemini.LastRequest.UserPrompt.Should().Contain("error: inside");

        (text, isError) = await h.CallAsync("scaffold", new() { ["spec"] = "x" });
        isError.Should().BeFalse(text);
        File.ReadAllText(h.Workspace.Combine("real", "gen", "New.cs")).Should().Be("class New {}");
    }
}
