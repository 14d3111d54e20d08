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
    public async Task The_tools_are_listed_with_their_parameters()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("unused"));
        await using var server = await InProcessDispatchServer.StartAsync(h, new NoReviewerExpected());

        var tools = await server.Client.ListToolsAsync();

        var tool = tools.Should().ContainSingle(t => t.Name == "dispatch").Subject;
        var schema = tool.JsonSchema.GetRawText();
        schema.Should().Contain("\"brief\"").And.Contain("\"base\"").And.Contain("\"reviewers\"");
        tool.Description.Should().Contain("worktree").And.Contain("returns at once").And.Contain("dispatch_status");
        var status = tools.Should().ContainSingle(t => t.Name == "dispatch_status").Subject;
        status.JsonSchema.GetRawText().Should().Contain("\"id\"").And.Contain("\"waitSeconds\"");
        status.ProtocolTool.Annotations!.ReadOnlyHint.Should().BeTrue();
    }

    [Fact]
    public async Task A_successful_dispatch_returns_at_once_and_its_status_wait_gets_the_compact_result_and_every_stage()
    {
        // The first model answer comes after 1.5 s, so the status call below is waiting before codex edits anything.
        await using var h = await DispatchHarness.StartAsync(
            ResponsesStep.ApplyPatch(DispatchHarness.FixPatch) with { Delay = TimeSpan.FromSeconds(1.5) },
            ResponsesStep.Message("Fixed add(): it subtracted instead of adding."));
        await using var reviewers = await ReviewerBackend.StartAsync(new Dictionary<string, ScriptedReview>
        {
            ["glm-4.7-flash"] = ScriptedReview.Verdict("approve"),
        });
        await using var server = await InProcessDispatchServer.StartAsync(h, reviewers.ClientFor(h.Paths));
        var progress = new List<ProgressNotificationValue>();

        var started = await server.Client.DispatchAsync(new Dictionary<string, object?>
        {
            ["brief"] = "Fix add() in src/calc.py",
            ["base"] = "main",
            ["reviewers"] = new[] { "ollama/glm-4.7-flash", "security:ollama/glm-4.7-flash" },
        });
        started.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        started.Text.Should().MatchRegex("^dispatch [0-9-a-f]+: (queued|running) on branch dm/fix-add-in-src-calc-py-[0-9a-f]{6} \\(from main\\)");
        var result = await server.Client.StatusAsync(started.Id, waitSeconds: 90, SyncProgress.Of(progress));

        result.IsError.Should().NotBe(true);
        var text = DispatchToolCalls.TextOf(result);
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
    public async Task A_dispatch_without_changes_ends_failed_and_its_status_is_an_error_result()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("Nothing needed changing."));
        await using var server = await InProcessDispatchServer.StartAsync(h, new NoReviewerExpected());

        var started = await server.Client.DispatchAsync(new Dictionary<string, object?> { ["brief"] = "Check add()" });
        var result = await server.Client.StatusAsync(started.Id, waitSeconds: 90);

        result.IsError.Should().BeTrue();
        var text = DispatchToolCalls.TextOf(result);
        text.Should().Contain("NO CHANGES").And.Contain("Nothing needed changing.");
        var state = File.ReadAllText(Path.Combine(h.Paths.DmDir, "dispatch", started.Id, "state.json"));
        state.Should().Contain("\"state\": \"failed\"").And.Contain("\"outcome\": \"noChanges\"");
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
        DispatchToolCalls.TextOf(await server.Client.StatusAsync()).Should().Be("no dispatch jobs.\n");
    }

    [Fact]
    public async Task Status_of_an_unknown_id_or_with_a_bad_wait_is_a_clear_error()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("unused"));
        await using var server = await InProcessDispatchServer.StartAsync(h, new NoReviewerExpected());

        var unknown = await server.Client.StatusAsync("../../etc/passwd");
        var badWait = await server.Client.StatusAsync(null, waitSeconds: 601);

        unknown.IsError.Should().BeTrue();
        DispatchToolCalls.TextOf(unknown).Should().Be("dispatch_status: no dispatch job '../../etc/passwd'; there are no jobs.\n");
        badWait.IsError.Should().BeTrue();
        DispatchToolCalls.TextOf(badWait).Should().Contain("waitSeconds must be from 0 to 600; got 601");
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(20);
    }
}
