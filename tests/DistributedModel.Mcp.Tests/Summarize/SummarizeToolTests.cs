using System.Text;
using Xunit.Abstractions;

namespace DistributedModel.Mcp.Tests.Summarize;

public sealed class SummarizeToolTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_200KB_log_comes_back_as_a_digest_under_6KB_with_counts_line_numbers_and_the_raw_path()
    {
        await using var h = await LaneServerHarness.StartAsync();
        var log = Samples.BuildLog();
        h.Write("logs/build.log", log);
        h.Gemini.Reply(req => "Build failed: 42 x CS0246 (missing types Widget0..Widget41), first at logs/build.log:" +
            (req.UserPrompt!.Contains("L", StringComparison.Ordinal) ? "L" : "?") + "\n" + new string('-', 2000));

        var (text, isError) = await h.CallAsync("summarize", new() { ["paths"] = new[] { "logs/*.log" }, ["question"] = "why did it fail?" });

        isError.Should().BeFalse(text);
        var bytes = Encoding.UTF8.GetByteCount(text);
        output.WriteLine($"input {Encoding.UTF8.GetByteCount(log)} B -> result {bytes} B; model saw {h.Gemini.LastRequest.UserPrompt!.Length} chars");
        bytes.Should().BeLessThanOrEqualTo(6 * 1024);
        text.Should().Contain("logs/build.log").And.Contain("42 error lines").And.Contain("10 warning lines").And.Contain("raw: logs/build.log");
        text.Should().Contain("Build failed: 42 x CS0246");
        var sent = h.Gemini.LastRequest.UserPrompt!;
        sent.Length.Should().BeLessThan(log.Length / 2, "deterministic compression runs before the model");
        sent.Should().MatchRegex(@"L\d+: src/Orders/OrderService0\.cs\(100,17\): error CS0246", "kept lines carry their original line numbers");
        h.Gemini.LastRequest.SystemPrompt.Should().Contain("why did it fail?");
        h.LedgerLines().Should().ContainSingle(l => l.Contains("\"lane\":\"summarize\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Input_over_the_window_is_digested_per_part_then_merged()
    {
        await using var h = await LaneServerHarness.StartAsync(o => { o.SummarizeWindowChars = 20_000; o.SummarizeCompressBudgetBytes = 80_000; });
        h.Write("a.log", Samples.WordLog(60 * 1024));
        h.Gemini.Reply(req => req.UserPrompt!.StartsWith("Merge", StringComparison.Ordinal) ? "MERGED DIGEST" : "partial digest");

        var (text, isError) = await h.CallAsync("summarize", new() { ["paths"] = new[] { "a.log" } });

        isError.Should().BeFalse(text);
        text.Should().Contain("MERGED DIGEST");
        var prompts = h.Gemini.Requests.Select(r => r.UserPrompt!).ToList();
        prompts.Count(p => p.StartsWith("Part ", StringComparison.Ordinal)).Should().BeGreaterThan(1);
        prompts.Should().OnlyContain(p => p.Length <= 20_000 + 400);
        prompts.Last().Should().StartWith("Merge").And.Contain("partial digest");
    }

    [Fact]
    public async Task An_input_needing_more_than_the_hard_number_of_model_calls_is_refused_before_any_call()
    {
        // Issue 26 item 4: a tiny window (set in code here, as a user might in ~/.claude/dm.json) multiplied provider calls.
        await using var h = await LaneServerHarness.StartAsync(o => { o.SummarizeWindowChars = 1_000; o.SummarizeCompressBudgetBytes = 200_000; });
        h.Write("a.log", Samples.WordLog(150 * 1024));

        var (text, isError) = await h.CallAsync("summarize", new() { ["paths"] = new[] { "a.log" } });

        isError.Should().BeTrue(text);
        text.Should().MatchRegex(@"the input needs \d+ model calls at the 1,000-char window; one summarize makes at most 100");
        h.Gemini.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_part_no_provider_answers_is_carried_by_its_deterministic_digest_and_the_answer_says_so()
    {
        await using var h = await LaneServerHarness.StartAsync(o =>
        {
            o.SummarizeWindowChars = 20_000; o.SummarizeCompressBudgetBytes = 80_000; o.MapConcurrency = 1;
        });
        h.Write("a.log", Samples.WordLog(60 * 1024));
        string Reply(DistributedModel.Testing.Providers.RecordedRequest r) =>
            r.UserPrompt!.StartsWith("Part 2 of", StringComparison.Ordinal) ? throw new InvalidOperationException("boom") :
            r.UserPrompt.StartsWith("Merge", StringComparison.Ordinal) ? "MERGED" : "partial";
        h.Gemini.Reply(Reply);
        h.DeepSeek.Reply(Reply);

        var (text, isError) = await h.CallAsync("summarize", new() { ["paths"] = new[] { "a.log" } });

        isError.Should().BeFalse(text);
        text.Should().Contain("[no model answered: deterministic digest").And.Contain("boom").And.Contain("MERGED");
        h.Gemini.Requests.Should().Contain(r => r.UserPrompt!.StartsWith("Part 2 of", StringComparison.Ordinal), "part 2 was asked for first");
        h.LedgerLines().Should().Contain(l => l.Contains("\"outcome\":\"degraded\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_every_provider_fails_the_deterministic_digest_is_returned_marked_with_the_cause()
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.Write("a.log", Samples.BuildLog(40 * 1024, errors: 5));
        h.Gemini.FailAlways(DistributedModel.Testing.Providers.FakeFault.HttpStatus(400, "bad", "bad request from fake"));
        h.DeepSeek.FailAlways(DistributedModel.Testing.Providers.FakeFault.HttpStatus(400, "bad", "bad request from fake"));

        var (text, isError) = await h.CallAsync("summarize", new() { ["paths"] = new[] { "a.log" } });

        // Issue 13 "What to build" 5: not an error; the lane still shrinks the reading, and says it is not a model's summary.
        isError.Should().BeFalse(text);
        text.Should().Contain("[no model answered: deterministic digest").And.Contain("gemini").And.Contain("bad request from fake");
        text.Should().Contain("5 error lines", "the per-file facts stay");
        System.Text.Encoding.UTF8.GetByteCount(text).Should().BeLessThan(40 * 1024 / 2, "the compressor's digest, not the log");
        h.LedgerLines().Last().Should().Contain("\"outcome\":\"degraded\"").And.Contain("\"provider\":\"none\"");
    }

    [Fact]
    public async Task Without_any_key_the_deterministic_digest_names_the_variables_to_set()
    {
        await using var h = await LaneServerHarness.StartAsync(keys: new Dictionary<string, string?>
        {
            ["GEMINI_API_KEY"] = null, ["DEEPSEEK_API_KEY"] = null, ["OPENAI_API_KEY"] = null,
        });
        h.Write("a.log", "error: x\n");

        var (text, isError) = await h.CallAsync("summarize", new() { ["paths"] = new[] { "a.log" } });

        isError.Should().BeFalse(text);
        text.Should().Contain("[no model answered: deterministic digest").And.Contain("GEMINI_API_KEY").And.Contain("error: x");
        h.Gemini.RequestCount.Should().Be(0);
    }

    [Theory]
    [InlineData("../outside.log", "contains '..'")]
    [InlineData("logs/../../outside.log", "contains '..'")]
    [InlineData("/etc/passwd", "outside the workspace")]
    [InlineData("~/x.log", "outside the workspace")]
    [InlineData("nope.log", "does not exist")]
    [InlineData("logs", "is a directory")]
    [InlineData("logs/*.txt", "matched no files")]
    public async Task Paths_that_leave_the_workspace_or_do_not_exist_are_refused(string path, string message)
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.Write("logs/a.log", "error\n");

        var (text, isError) = await h.CallAsync("summarize", new() { ["paths"] = new[] { path } });

        isError.Should().BeTrue();
        text.Should().Contain(message);
        h.Gemini.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task A_symlink_pointing_outside_the_workspace_is_refused_directly_and_through_a_glob()
    {
        await using var h = await LaneServerHarness.StartAsync();
        using var outside = new DistributedModel.Testing.TempDirectory("dm-outside");
        outside.Write("secret.log", "password=hunter2\n");
        File.CreateSymbolicLink(h.Workspace.Combine("link.log"), outside.Combine("secret.log"));
        Directory.CreateSymbolicLink(h.Workspace.Combine("linkdir"), outside.Path);

        foreach (var p in new[] { "link.log", "linkdir/secret.log", "linkdir/*.log" })
        {
            var (text, isError) = await h.CallAsync("summarize", new() { ["paths"] = new[] { p } });
            isError.Should().BeTrue(p);
            text.Should().Contain("outside the workspace", p);
        }
        h.Gemini.RequestCount.Should().Be(0);
    }
}
