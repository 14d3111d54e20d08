using System.Diagnostics;
using DistributedModel.Mcp.Hosting;

namespace DistributedModel.Mcp.Tests.Hosting;

/// <summary>
/// Issue 11.9: every input is bounded — files by size before they are read (a real 1 GB sparse file made with truncate),
/// tool arguments by length, provider answers by size. Must survive: an error naming the limit, nothing written, the
/// provider not called for refused arguments, and the server's memory not growing by the file's size.
/// </summary>
public sealed class InputLimitsTests
{
    private static string Sparse(string path, string size)
    {
        using var p = Process.Start(new ProcessStartInfo("truncate", ["-s", size, path]) { UseShellExecute = false })!;
        p.WaitForExit();
        p.ExitCode.Should().Be(0);
        return path;
    }

    [Theory]
    [InlineData("consult", "paths")]
    [InlineData("tribunal", "paths")]
    [InlineData("scaffold", "examples")]
    public async Task A_1GB_sparse_file_is_refused_by_its_size_without_being_read(string tool, string argument)
    {
        await using var h = await LaneServerHarness.StartAsync();
        Sparse(h.Workspace.Combine("huge.bin"), "1G");
        var before = Process.GetCurrentProcess().WorkingSet64;

        var (text, isError) = await h.CallAsync(tool, new() { [argument] = new[] { "huge.bin" }, ["question"] = "q", ["spec"] = "s" });

        var grown = Process.GetCurrentProcess().WorkingSet64 - before;
        isError.Should().BeTrue(text);
        text.Should().Contain("'huge.bin' is 1,073,741,824 bytes, over the 67,108,864-byte file limit (mcp.maxFileBytes)");
        grown.Should().BeLessThan(200L * 1024 * 1024, "the file is refused by fstat, not read");
        h.OpenAI.RequestCount.Should().Be(0);
        h.DeepSeek.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task Summarize_skips_a_1GB_sparse_file_by_name_and_digests_the_rest()
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.Write("logs/small.log", "error: small\n");
        Sparse(h.Workspace.Combine("logs", "huge.log"), "1G");
        h.Gemini.Reply("digest");

        var (text, isError) = await h.CallAsync("summarize", new() { ["paths"] = new[] { "logs/*.log" } });

        isError.Should().BeFalse(text);
        text.Should().Contain("logs/huge.log not read: 1,073,741,824 bytes, over the 67,108,864-byte file limit (mcp.maxFileBytes)");
        h.Gemini.LastRequest.UserPrompt.Should().Contain("error: small");
    }

    [Theory]
    [InlineData("consult", "question", InputLimits.MaxQuestionChars)]
    [InlineData("consult", "proposal", InputLimits.MaxProposalChars)]
    [InlineData("tribunal", "question", InputLimits.MaxQuestionChars)]
    [InlineData("scaffold", "spec", InputLimits.MaxSpecChars)]
    [InlineData("summarize", "question", InputLimits.MaxQuestionChars)]
    public async Task An_argument_over_its_limit_is_refused_before_any_provider_call_and_no_record_is_written(string tool, string argument, int limit)
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.Write("a.log", "error: x\n");
        var args = new Dictionary<string, object?> { ["question"] = "q", ["spec"] = "s", ["paths"] = new[] { "a.log" } };
        args[argument] = new string('q', 5 * 1024 * 1024);

        var (text, isError) = await h.CallAsync(tool, args);

        isError.Should().BeTrue(text);
        text.Should().Contain($"{argument} is 5,242,880 characters, over the {limit:N0}-character limit");
        (h.Gemini.RequestCount + h.OpenAI.RequestCount + h.DeepSeek.RequestCount).Should().Be(0);
        Directory.Exists(h.Paths.AuditsDir).Should().BeFalse();
    }

    [Fact]
    public async Task A_scaffold_answer_over_the_size_limit_writes_nothing_and_keeps_only_a_bounded_raw_copy()
    {
        await using var h = await LaneServerHarness.StartAsync();
        var huge = new string('A', 8 * 1024 * 1024);
        h.DeepSeek.Reply("{\"files\":[{\"path\":\"big.cs\",\"summary\":\"s\",\"content\":\"" + huge + "\"}]}");

        var (text, isError) = await h.CallAsync("scaffold", new() { ["spec"] = "x" });

        isError.Should().BeTrue(text);
        text.Should().Contain("over the 2,000,000-character limit for a scaffold answer").And.Contain("nothing written");
        File.Exists(h.Workspace.Combine("big.cs")).Should().BeFalse();
        new FileInfo(Directory.GetFiles(h.Paths.RawDir).Single()).Length.Should().BeLessThan(InputLimits.MaxSavedAnswerChars + 1024);
    }

    [Fact]
    public async Task An_oversized_opinion_is_treated_as_malformed_and_no_oversized_record_is_written()
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.OpenAI.Reply(Samples.Opinion("AFFIRM", new string('r', 200_000)));

        var (text, isError) = await h.CallAsync("consult", new() { ["question"] = "Queue?" });

        isError.Should().BeTrue(text);
        text.Should().Contain("over the 64,000-character limit");
        Directory.Exists(h.Paths.AuditsDir).Should().BeFalse();
    }
}
