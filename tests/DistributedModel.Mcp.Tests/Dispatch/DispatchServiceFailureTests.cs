using DistributedModel.Mcp.Dispatch;
using DistributedModel.Mcp.Dispatch.Codex;
using DistributedModel.Mcp.Dispatch.Results;
using DistributedModel.Testing.Codex;

namespace DistributedModel.Mcp.Tests.Dispatch;

/// <summary>Every way a dispatch can fail gives a clear result, leaves the user's checkout alone and cleans up.</summary>
[Collection(CodexCollection.Name)]
public sealed class DispatchServiceFailureTests
{
    [Fact]
    public async Task Codex_failing_removes_the_worktree_and_the_branch_and_says_why()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.HttpError(500, "model exploded"));
        var before = await h.Repo.SnapshotAsync();

        var outcome = await h.Service(new NoReviewerExpected()).RunAsync(new DispatchRequest("Fix add()"), null, CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.CodexFailed);
        outcome.Error.Should().StartWith("codex failed");
        h.Branches().Should().BeEmpty();
        h.WorktreeFolders().Should().BeEmpty();
        (await h.Repo.SnapshotAsync()).Should().Be(before);
        var text = DispatchResultFormatter.Format(outcome);
        text.Should().Contain("FAILED (codex)").And.Contain("nothing committed").And.Contain(outcome.RemovedBranch!)
            .And.Contain("codex-events.jsonl");
        File.ReadAllText(h.Paths.Ledger).Should().Contain("\"provider\":\"codex\"").And.Contain("\"outcome\":\"error\"");
    }

    [Fact]
    public async Task Codex_changing_nothing_is_reported_as_no_changes_with_its_explanation()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("The code already does that; nothing to change."));

        var outcome = await h.Service(new NoReviewerExpected()).RunAsync(new DispatchRequest("Make add() add"), null, CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.NoChanges);
        h.Branches().Should().BeEmpty();
        h.WorktreeFolders().Should().BeEmpty();
        DispatchResultFormatter.Format(outcome).Should().Contain("NO CHANGES").And.Contain("already does that");
    }

    [Fact]
    public async Task Codex_timing_out_keeps_its_partial_work_as_a_diff_artifact_only()
    {
        await using var h = await DispatchHarness.StartAsync(
            ResponsesStep.Exec("echo half-done > WIP.txt"),
            ResponsesStep.Message("never sent") with { Delay = TimeSpan.FromMinutes(5) });

        var progress = new List<string>();

        var outcome = await h.Service(new NoReviewerExpected(), o =>
            {
                o.CodexTimeout = TimeSpan.FromSeconds(15);
                o.HeartbeatInterval = TimeSpan.FromSeconds(5);
            })
            .RunAsync(new DispatchRequest("Write WIP"), SyncProgress.Of(progress), CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.CodexFailed);
        outcome.Codex!.Status.Should().Be(CodexRunStatus.TimedOut);
        outcome.Codex.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(25), "the process tree is killed at the limit");
        outcome.Error.Should().Contain("did not finish within 15 s");
        progress.Count(p => System.Text.RegularExpressions.Regex.IsMatch(p, @"^codex still working \(\d+ s\)$"))
            .Should().BeGreaterThanOrEqualTo(2, "a silent codex still shows progress every 5 s");
        h.Branches().Should().BeEmpty();
        File.ReadAllText(outcome.Artifacts!.PathOf(DispatchArtifacts.PartialDiffFile)).Should().Contain("+half-done");
        DispatchResultFormatter.Format(outcome).Should().Contain("partial.diff");
    }

    [Fact]
    public async Task A_failed_run_keeps_the_branch_only_when_codex_committed_on_it_itself()
    {
        await using var h = await DispatchHarness.StartAsync(
            ResponsesStep.Exec("echo x > X.txt && git add -A && git -c user.name=c -c user.email=c@x commit -qm 'codex commit'"),
            ResponsesStep.HttpError(500, "model exploded"));

        var outcome = await h.Service(new NoReviewerExpected(), o => o.Sandbox = "danger-full-access")
            .RunAsync(new DispatchRequest("Add X"), null, CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.CodexFailed);
        outcome.Branch.Should().NotBeNull();
        outcome.RemovedBranch.Should().BeNull();
        h.Branches().Should().Equal(outcome.Branch);
        h.WorktreeFolders().Should().BeEmpty();
        DispatchResultFormatter.Format(outcome).Should().Contain($"branch {outcome.Branch} kept: it has commits");
    }

    [Fact]
    public async Task A_missing_codex_is_a_clear_failure_without_a_ledger_line()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("unused"));

        var outcome = await h.Service(new NoReviewerExpected(), o => o.CodexPath = "/nonexistent/codex")
            .RunAsync(new DispatchRequest("Fix add()"), null, CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.CodexFailed);
        outcome.Error.Should().Contain("codex CLI not found");
        h.Branches().Should().BeEmpty();
        h.WorktreeFolders().Should().BeEmpty();
        File.Exists(h.Paths.Ledger).Should().BeFalse();
    }

    [Fact]
    public async Task A_dirty_base_is_refused_before_anything_is_created()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("unused"));
        h.Repo.Write("src/calc.py", "def add(a, b):\n    return 0\n");

        var outcome = await h.Service(new NoReviewerExpected()).RunAsync(new DispatchRequest("Fix add()"), null, CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.Refused);
        outcome.Error.Should().Contain("dirty base").And.Contain("src/calc.py").And.Contain("pass `base`");
        h.Fake.Requests.Should().BeEmpty();
        h.Branches().Should().BeEmpty();
        h.Repo.Read("src/calc.py").Should().Contain("return 0");
    }

    [Fact]
    public async Task An_explicit_base_is_used_even_when_the_checkout_is_dirty()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("nothing to do"));
        h.Repo.Write("README.md", "# local edit\n");

        var outcome = await h.Service(new NoReviewerExpected()).RunAsync(new DispatchRequest("Check", Base: "main"), null, CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.NoChanges);
        h.Repo.Read("README.md").Should().Be("# local edit\n");
    }

    [Theory]
    [InlineData("no-such-branch", "base 'no-such-branch' is not a commit")]
    public async Task An_unknown_base_is_refused(string @base, string expected)
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("unused"));

        var outcome = await h.Service(new NoReviewerExpected()).RunAsync(new DispatchRequest("Fix", @base), null, CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.Refused);
        outcome.Error.Should().Contain(expected);
    }

    [Theory]
    [InlineData("openai/gpt-6.1-terra")]
    [InlineData("ollama/gpt-oss:20b")]
    [InlineData("security:ollama/codex-mini")]
    public async Task A_reviewer_of_the_writers_family_is_refused_before_codex_runs(string reviewer)
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("unused"));

        var outcome = await h.Service(new NoReviewerExpected())
            .RunAsync(new DispatchRequest("Fix", Reviewers: ["ollama/glm-4.7-flash", reviewer]), null, CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.Refused);
        outcome.Error.Should().Contain("openai family, the same as the writer");
        h.Fake.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task An_empty_brief_is_refused()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("unused"));

        var outcome = await h.Service(new NoReviewerExpected()).RunAsync(new DispatchRequest("  "), null, CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.Refused);
        DispatchResultFormatter.Format(outcome).Should().StartWith("dispatch refused: the brief is empty");
    }

    [Fact]
    public async Task A_brief_too_long_for_the_command_line_is_refused()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("unused"));

        var outcome = await h.Service(new NoReviewerExpected())
            .RunAsync(new DispatchRequest(new string('я', 60_000)), null, CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.Refused);
        outcome.Error.Should().Be("the brief has 120000 bytes; at most 100000. Put long material in a file in the repository and refer to it.");
    }

    [Fact]
    public async Task A_workspace_that_is_not_a_git_repository_is_refused()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("unused"));
        Directory.Delete(Path.Combine(h.Repo.Root, ".git"), recursive: true);

        var outcome = await h.Service(new NoReviewerExpected()).RunAsync(new DispatchRequest("Fix"), null, CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.Refused);
        outcome.Error.Should().Contain("not inside a git repository");
    }
}
