using System.Text;
using DistributedModel.Mcp.Dispatch;
using DistributedModel.Mcp.Dispatch.Codex;
using DistributedModel.Mcp.Dispatch.Git;
using DistributedModel.Mcp.Dispatch.Review;
using DistributedModel.Mcp.Dispatch.Results;

namespace DistributedModel.Mcp.Tests.Dispatch.Results;

public sealed class DispatchResultFormatterTests
{
    private static DispatchOutcome Completed(int files, int findingsPerReviewer, params ReviewerOutcome[] reviews) =>
        new(DispatchStatus.Completed, null)
        {
            Id = new DispatchId("20261123-073000-abc123", "fix-add", "abc123"),
            Branch = "dm/fix-add-abc123",
            BaseLabel = "HEAD",
            BaseSha = "0123456789abcdef0123456789abcdef01234567",
            DiffStat = new DiffStat(Enumerable.Range(0, files).Select(i => new DiffStatFile($"src/Module{i}/Component{i}.cs", 10 + i, i)).ToList()),
            Codex = new CodexRunResult(CodexRunStatus.Succeeded, null, 0, TimeSpan.FromSeconds(42.3), new CodexUsage(123_456, 100_000, 2345, 300),
                "I changed a lot of files. " + new string('x', 1000), 7, [], 30, ""),
            Reviews = reviews.Length > 0 ? reviews :
            [
                Review("correctness", ReviewVerdict.RequestChanges, findingsPerReviewer),
                Review("quality", ReviewVerdict.Approve, findingsPerReviewer),
            ],
        };

    private static ReviewerOutcome Review(string framing, string verdict, int findings) => new(
        new ReviewerSpec(framing, "ollama", "glm-4.7-flash"), ReviewerStatus.Ok,
        new ReviewVerdict(verdict, Enumerable.Range(0, findings)
            .Select(i => new ReviewFinding($"src/Module{i}/Component{i}.cs", 100 + i, i == 0 ? "high" : "low", $"finding {i}: " + new string('m', 300)))
            .ToList()),
        null, "{}", "ollama", "glm-4.7-flash", TimeSpan.FromSeconds(3));

    [Fact]
    public void A_completed_dispatch_names_branch_diffstat_verdicts_and_top_findings()
    {
        var text = DispatchResultFormatter.Format(Completed(files: 2, findingsPerReviewer: 2));

        text.Should().StartWith("dispatch 20261123-073000-abc123: committed on branch dm/fix-add-abc123 (from HEAD @ 0123456789)");
        text.Should().Contain("diff: 2 files changed, +21 -1").And.Contain("src/Module1/Component1.cs +11 -1");
        text.Should().Contain("reviews: request_changes (2 of 2 reviewers)");
        text.Should().Contain("- correctness [ollama/glm-4.7-flash]: request_changes, 2 finding(s)");
        text.Should().Contain("  · high src/Module0/Component0.cs:100 finding 0:");
        text.Should().Contain("codex: succeeded in 42.3 s, 7 command(s), tokens 123.5k in / 2345 out");
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(40, 10)]
    [InlineData(400, 50)]
    public void The_result_fits_the_budget_however_large_the_change_and_the_reviews(int files, int findings)
    {
        var outcome = Completed(files, findings);

        var text = DispatchResultFormatter.Format(outcome, 2048);

        Encoding.UTF8.GetByteCount(text).Should().BeLessThanOrEqualTo(2048);
        text.Should().Contain("dm/fix-add-abc123").And.Contain("correctness").And.Contain("quality").And.Contain("request_changes");
    }

    [Fact]
    public void A_failed_malformed_or_slow_reviewer_marks_the_review_partial()
    {
        var spec = new ReviewerSpec("security", "ollama", "qwen3:8b");
        var outcome = Completed(2, 1,
            Review("correctness", ReviewVerdict.Approve, 0),
            new ReviewerOutcome(spec with { Framing = "quality" }, ReviewerStatus.Malformed, null, "malformed verdict: no JSON object in the reply", "lgtm", "ollama", "qwen3:8b", TimeSpan.FromSeconds(1)),
            new ReviewerOutcome(spec, ReviewerStatus.TimedOut, null, "no answer within 300 s", null, null, null, TimeSpan.FromSeconds(300)));

        var text = DispatchResultFormatter.Format(outcome);

        text.Should().Contain("reviews: approve — PARTIAL: only 1 of 3 reviewers gave a valid verdict");
        text.Should().Contain("- quality [ollama/qwen3:8b]: MALFORMED — malformed verdict: no JSON object");
        text.Should().Contain("- security [ollama/qwen3:8b]: TIMED OUT — no answer within 300 s");
    }
}
