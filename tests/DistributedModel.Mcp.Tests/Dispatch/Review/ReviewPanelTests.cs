using System.Diagnostics;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Dispatch;
using DistributedModel.Mcp.Dispatch.Review;
using DistributedModel.Testing;

namespace DistributedModel.Mcp.Tests.Dispatch.Review;

public sealed class ReviewPanelTests : IDisposable
{
    private readonly TempDirectory _workspace = new("dm-review");

    private WorkspacePaths Paths => new(_workspace.Path);

    public void Dispose() => _workspace.Dispose();

    private const string Diff = "diff --git a/src/calc.py b/src/calc.py\n--- a/src/calc.py\n+++ b/src/calc.py\n@@ -1,2 +1,2 @@\n def add(a, b):\n-    return a - b\n+    return a + b\n";

    private static readonly DispatchOptions Options = new() { ReviewTimeout = TimeSpan.FromSeconds(8) };

    private Task<IReadOnlyList<ReviewerOutcome>> Review(ReviewerBackend backend, params string[] reviewers) =>
        new ReviewPanel(backend.ClientFor(Paths)).ReviewAsync("Fix add()", Diff, "src/calc.py +1 -1",
            ReviewerSpec.ParseAll(reviewers, ModelFamily.OpenAi), Options, null, CancellationToken.None);

    [Fact]
    public async Task Reviewers_run_concurrently_so_the_total_time_is_the_slowest_not_the_sum()
    {
        await using var backend = await ReviewerBackend.StartAsync(new Dictionary<string, ScriptedReview>
        {
            ["rev-a"] = ScriptedReview.Verdict("approve", TimeSpan.FromSeconds(3)),
            ["rev-b"] = ScriptedReview.Verdict("request_changes", TimeSpan.FromSeconds(3), ("src/calc.py", 2, "low", "add a test")),
            ["rev-c"] = ScriptedReview.Verdict("approve", TimeSpan.FromSeconds(3)),
        });
        var sw = Stopwatch.StartNew();

        var outcomes = await Review(backend, "ollama/rev-a", "ollama/rev-b", "ollama/rev-c");

        // ≈ 3 s in parallel; 3 s of slack for a loaded CI machine still proves it is not the 9 s sum.
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(6), "three 3 s reviewers in sequence would take 9 s");
        var answered = backend.Answered;
        answered.Should().HaveCount(3);
        answered.Max(r => r.Start).Should().BeBefore(answered.Min(r => r.End), "every request arrived before the first was answered");
        outcomes.Select(o => o.Status).Should().AllBeEquivalentTo(ReviewerStatus.Ok);
        outcomes.Select(o => o.Spec.Framing).Should().Equal("correctness", "quality", "security");
        outcomes[1].Verdict!.Findings.Single().Message.Should().Be("add a test");
    }

    [Fact]
    public async Task Each_reviewer_gets_its_own_framing_the_brief_the_diff_and_the_schema()
    {
        await using var backend = await ReviewerBackend.StartAsync(new Dictionary<string, ScriptedReview>
        {
            ["rev-a"] = ScriptedReview.Verdict("approve"),
            ["rev-b"] = ScriptedReview.Verdict("approve"),
        });

        await Review(backend, "ollama/rev-a", "security:ollama/rev-b");

        var calls = backend.Calls.OrderBy(c => c.Model).ToList();
        calls[0].SystemPrompt.Should().Contain("CORRECTNESS");
        calls[1].SystemPrompt.Should().Contain("SECURITY");
        calls.Should().AllSatisfy(c =>
        {
            c.Provider.Should().Be("ollama");
            c.UserPrompt.Should().Contain("Fix add()").And.Contain("+    return a + b");
            c.JsonSchema.Should().Contain("request_changes");
        });
    }

    [Fact]
    public async Task A_malformed_a_failing_and_a_slow_reviewer_do_not_sink_the_good_one()
    {
        await using var backend = await ReviewerBackend.StartAsync(new Dictionary<string, ScriptedReview>
        {
            ["good"] = ScriptedReview.Verdict("approve", TimeSpan.FromMilliseconds(200)),
            ["chatty"] = new ScriptedReview("Looks fine to me, ship it!"),
            ["broken"] = new ScriptedReview("", Fails: true),
        });
        var slowOptions = new DispatchOptions { ReviewTimeout = TimeSpan.FromSeconds(1) };
        await using var slow = await ReviewerBackend.StartAsync(new Dictionary<string, ScriptedReview>
        {
            ["good"] = ScriptedReview.Verdict("approve", TimeSpan.FromMilliseconds(100)),
            ["sloth"] = ScriptedReview.Verdict("approve", TimeSpan.FromSeconds(30)),
        });

        var mixed = await Review(backend, "ollama/good", "ollama/chatty", "ollama/broken");
        var sw = Stopwatch.StartNew();
        var timed = await new ReviewPanel(slow.ClientFor(Paths)).ReviewAsync("Fix add()", Diff, "", 
            ReviewerSpec.ParseAll(["ollama/good", "ollama/sloth"], ModelFamily.OpenAi), slowOptions, null, CancellationToken.None);

        mixed.Select(o => o.Status).Should().Equal(ReviewerStatus.Ok, ReviewerStatus.Malformed, ReviewerStatus.Failed);
        mixed[1].Error.Should().Contain("no JSON object");
        mixed[1].RawReply.Should().Be("Looks fine to me, ship it!");
        mixed[2].Error.Should().Contain("500");
        timed.Select(o => o.Status).Should().Equal(ReviewerStatus.Ok, ReviewerStatus.TimedOut);
        timed[1].Error.Should().Be("no answer within 1 s");
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }
}
