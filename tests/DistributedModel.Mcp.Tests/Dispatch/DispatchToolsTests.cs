using DistributedModel.Mcp.Tests.Dispatch.Review;
using DistributedModel.Testing.Codex;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace DistributedModel.Mcp.Tests.Dispatch;

/// <summary>The dispatch tool through a real MCP client/server pair (in-memory pipes).</summary>
[Collection(CodexCollection.Name)]
public sealed class DispatchToolsTests
{
    [Fact]
    public async Task The_tool_is_listed_with_brief_base_and_reviewers_parameters()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("unused"));
        await using var server = await InProcessDispatchServer.StartAsync(h, new NoReviewerExpected());

        var tools = await server.Client.ListToolsAsync();

        var tool = tools.Should().ContainSingle(t => t.Name == "dispatch").Subject;
        var schema = tool.JsonSchema.GetRawText();
        schema.Should().Contain("\"brief\"").And.Contain("\"base\"").And.Contain("\"reviewers\"");
        tool.Description.Should().Contain("worktree").And.Contain("verdict");
    }

    [Fact]
    public async Task A_successful_dispatch_returns_the_compact_result_and_reports_every_stage()
    {
        await using var h = await DispatchHarness.WithFixScriptAsync();
        await using var reviewers = await ReviewerBackend.StartAsync(new Dictionary<string, ScriptedReview>
        {
            ["glm-4.7-flash"] = ScriptedReview.Verdict("approve"),
        });
        await using var server = await InProcessDispatchServer.StartAsync(h, reviewers.ClientFor(h.Paths));
        var progress = new List<ProgressNotificationValue>();

        var result = await server.Client.CallToolAsync("dispatch", new Dictionary<string, object?>
        {
            ["brief"] = "Fix add() in src/calc.py",
            ["base"] = "main",
            ["reviewers"] = new[] { "ollama/glm-4.7-flash", "security:ollama/glm-4.7-flash" },
        }, SyncProgress.Of(progress));

        result.IsError.Should().NotBe(true);
        var text = result.Content.OfType<TextContentBlock>().Single().Text;
        text.Should().MatchRegex("committed on branch dm/fix-add-in-src-calc-py-[0-9a-f]{6} \\(from main @ ")
            .And.Contain("reviews: approve (2 of 2 reviewers)").And.Contain("- security [ollama/glm-4.7-flash]: approve");
        System.Text.Encoding.UTF8.GetByteCount(text).Should().BeLessThan(2048);
        await WaitUntil(() => progress.Count(p => p.Message!.StartsWith("reviewer ", StringComparison.Ordinal)) == 2);
        lock (progress)
        {
            progress.Select(p => p.Message).Should().Contain(m => m!.StartsWith("codex edits: update src/calc.py", StringComparison.Ordinal))
                .And.Contain(m => m!.StartsWith("committed (1 file changed, +1 -1); 2 reviewer(s) at work", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_dispatch_without_changes_reports_progress_and_returns_an_error_result()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("Nothing needed changing."));
        await using var server = await InProcessDispatchServer.StartAsync(h, new NoReviewerExpected());
        var progress = new List<ProgressNotificationValue>();

        var result = await server.Client.CallToolAsync("dispatch",
            new Dictionary<string, object?> { ["brief"] = "Check add()" }, SyncProgress.Of(progress));

        result.IsError.Should().BeTrue();
        var text = result.Content.OfType<TextContentBlock>().Single().Text;
        text.Should().Contain("NO CHANGES").And.Contain("Nothing needed changing.");
        await WaitUntil(() => progress.Count >= 3);
        lock (progress)
        {
            progress.Select(p => p.Progress).Should().BeInAscendingOrder();
            progress.Select(p => p.Message).Should().Contain(m => m!.StartsWith("creating worktree on branch dm/check-add-", StringComparison.Ordinal))
                .And.Contain("codex started");
        }
    }

    [Fact]
    public async Task A_same_family_reviewer_is_refused_through_the_tool()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("unused"));
        await using var server = await InProcessDispatchServer.StartAsync(h, new NoReviewerExpected());

        var result = await server.Client.CallToolAsync("dispatch", new Dictionary<string, object?>
        {
            ["brief"] = "Fix add()",
            ["reviewers"] = new[] { "ollama/glm-4.7-flash", "openai/gpt-6.1-sol" },
        });

        result.IsError.Should().BeTrue();
        result.Content.OfType<TextContentBlock>().Single().Text.Should()
            .StartWith("dispatch refused: reviewer 'openai/gpt-6.1-sol' is refused");
        h.Fake.Requests.Should().BeEmpty();
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(20);
    }
}
