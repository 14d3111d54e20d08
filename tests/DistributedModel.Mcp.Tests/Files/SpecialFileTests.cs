using System.Diagnostics;
using DistributedModel.Core.Runtime;

namespace DistributedModel.Mcp.Tests.Files;

/// <summary>
/// Issue 11.6 on the real file system: a FIFO named in <c>paths</c>/<c>examples</c> is refused at once (it used to block in
/// open(2) past the tool time limit), and a glob does not follow a directory link loop (it used to walk <c>a/loop/a/loop/…</c>).
/// Must survive: a clear "not a regular file" error within seconds, the regular files next to it still read once each.
/// </summary>
public sealed class SpecialFileTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static string MakeFifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        p.WaitForExit();
        p.ExitCode.Should().Be(0);
        return path;
    }

    /// <summary>Unblocks a reader stuck in open(2) on the FIFO (the old behaviour), so a failing run still ends.</summary>
    private static void Release(string fifo)
    {
        var fd = Libc.Open(fifo, Libc.WriteOnly | Libc.NonBlocking, 0);
        if (fd >= 0) Libc.Close(fd);
    }

    [Theory]
    [InlineData("summarize", "paths")]
    [InlineData("consult", "paths")]
    [InlineData("scaffold", "examples")]
    public async Task A_fifo_is_refused_at_once_as_not_a_regular_file(string tool, string argument)
    {
        await using var h = await LaneServerHarness.StartAsync(o => o.ToolTimeout = TimeSpan.FromSeconds(10));
        var fifo = MakeFifo(h.Workspace.Combine("pipe.log"));
        h.Gemini.Reply("digest");
        try
        {
            var clock = Stopwatch.StartNew();
            using var cts = new CancellationTokenSource(Bound);
            var (text, isError) = await h.CallAsync(tool, new() { [argument] = new[] { "pipe.log" }, ["question"] = "q", ["spec"] = "s" }, ct: cts.Token);

            isError.Should().BeTrue(text);
            text.Should().Contain("'pipe.log' is not a regular file");
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the open must not wait for a writer");
        }
        finally { Release(fifo); }
    }

    [Fact]
    public async Task A_glob_does_not_follow_a_directory_link_loop_and_finds_each_real_file_once()
    {
        await using var h = await LaneServerHarness.StartAsync(o => o.ToolTimeout = TimeSpan.FromSeconds(10));
        h.Write("a/build.log", "error: one\n");
        File.CreateSymbolicLink(h.Workspace.Combine("a", "loop"), "..");
        File.CreateSymbolicLink(h.Workspace.Combine("a", "self"), ".");
        h.Gemini.Reply("digest");
        try
        {
            using var cts = new CancellationTokenSource(Bound);
            var (text, isError) = await h.CallAsync("summarize", new() { ["paths"] = new[] { "**/*.log" } }, ct: cts.Token);

            isError.Should().BeFalse(text);
            text.Should().StartWith("a/build.log: ").And.NotContain("loop/").And.NotContain("self/");
            h.Gemini.LastRequest.UserPrompt.Should().Contain("error: one");
        }
        finally
        {
            File.Delete(h.Workspace.Combine("a", "loop"));
            File.Delete(h.Workspace.Combine("a", "self"));
        }
    }
}
