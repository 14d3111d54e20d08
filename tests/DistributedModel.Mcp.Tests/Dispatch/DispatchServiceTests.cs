using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Mcp.Dispatch;
using DistributedModel.Mcp.Dispatch.Results;
using DistributedModel.Mcp.Dispatch.Review;
using DistributedModel.Mcp.Tests.Dispatch.Review;
using DistributedModel.Testing.Codex;
using Xunit.Abstractions;

namespace DistributedModel.Mcp.Tests.Dispatch;

/// <summary>Whole dispatches: real git, the real codex CLI against the fake Responses API, reviewers, artifacts, ledger.</summary>
[Collection(CodexCollection.Name)]
public sealed class DispatchServiceTests(ITestOutputHelper output)
{
    private static Dictionary<string, ScriptedReview> TwoReviewers() => new()
    {
        ["glm-4.7-flash"] = ScriptedReview.Verdict("request_changes", default, ("src/calc.py", 2, "medium", "add a unit test for negative numbers")),
        ["qwen3:8b"] = ScriptedReview.Verdict("approve"),
    };

    [Fact]
    public async Task Codex_change_is_committed_on_a_new_branch_reviewed_and_the_users_checkout_is_untouched()
    {
        await using var h = await DispatchHarness.WithFixScriptAsync();
        await using var reviewers = await ReviewerBackend.StartAsync(TwoReviewers());
        var before = await h.Repo.SnapshotAsync();
        var head = await h.Repo.GitAsync("rev-parse", "HEAD");
        var progress = new List<string>();

        var outcome = await h.Service(reviewers.ClientFor(h.Paths)).RunAsync(
            new DispatchRequest("Fix add() in src/calc.py: it subtracts.", Reviewers: ["ollama/glm-4.7-flash", "ollama/qwen3:8b"]),
            SyncProgress.Of(progress), CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.Completed, outcome.Error);
        outcome.Branch.Should().StartWith("dm/fix-add-in-src-calc-py-it-subtracts-");
        (await h.Repo.GitAsync("show", outcome.Branch + ":src/calc.py")).Should().Contain("return a + b");
        (await h.Repo.GitAsync("rev-list", "--count", $"{head}..{outcome.Branch}")).Should().Be("1");
        (await h.Repo.GitAsync("log", "-1", "--format=%B", outcome.Branch!)).Should()
            .StartWith("dm: Fix add() in src/calc.py: it subtracts.").And.Contain("Fixed add(): it subtracted instead of adding.");
        (await h.Repo.SnapshotAsync()).Should().Be(before, "the user's HEAD, branch, status and files stay as they were");
        h.WorktreeFolders().Should().BeEmpty();
        (await h.Repo.GitAsync("worktree", "list")).Split('\n').Should().HaveCount(1);

        h.Fake.Requests.Should().Contain(r => r.OffersTools && r.Body!.ToJsonString().Contains("it subtracts"));
        reviewers.Calls.Should().HaveCount(2).And.AllSatisfy(c => c.UserPrompt.Should().Contain("+    return a + b"));

        var a = outcome.Artifacts!;
        File.ReadAllText(a.PathOf(DispatchArtifacts.DiffFile)).Should().Contain("+    return a + b");
        File.ReadAllText(a.PathOf(DispatchArtifacts.EventsFile)).Should().Contain("\"turn.completed\"");
        var review = JsonNode.Parse(File.ReadAllText(a.PathOf(DispatchArtifacts.ReviewFile("correctness"))))!;
        review["verdict"]!.GetValue<string>().Should().Be("request_changes");
        review["findings"]![0]!["message"]!.GetValue<string>().Should().Be("add a unit test for negative numbers");

        var lines = File.ReadAllLines(h.Paths.Ledger).Select(l => JsonNode.Parse(l)!).ToList();
        lines.Where(l => l["lane"]!.GetValue<string>() == "review").Select(l => l["model"]!.GetValue<string>())
            .Should().BeEquivalentTo("glm-4.7-flash", "qwen3:8b");
        var ledger = lines.Single(l => l["provider"]!.GetValue<string>() == "codex");
        ledger["provider"]!.GetValue<string>().Should().Be("codex");
        ledger["model"]!.GetValue<string>().Should().Be("gpt-5.5");
        ledger["in"]!.GetValue<long>().Should().Be(4100);
        ledger["cached"]!.GetValue<long>().Should().Be(2000);
        ledger["out"]!.GetValue<long>().Should().Be(100);
        ledger["reasoning"]!.GetValue<long>().Should().Be(12);
        ledger["outcome"]!.GetValue<string>().Should().Be("ok");
        ledger["baseline_usd"]!.GetValue<decimal>().Should().Be((2100 * 5m + 2000 * 0.5m + 100 * 25m) / 1_000_000m);

        var text = DispatchResultFormatter.Format(outcome);
        text.Should().Contain(outcome.Branch).And.Contain("diff: 1 file changed, +1 -1").And.Contain("reviews: request_changes (2 of 2 reviewers)")
            .And.Contain("· medium src/calc.py:2 add a unit test").And.Contain($".claude/dm/dispatch/{outcome.Id}/");
        File.ReadAllText(a.PathOf(DispatchArtifacts.ResultFile)).Should().Be(text);
        progress.Should().Contain(p => p.StartsWith("codex edits: update src/calc.py", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("reviewer correctness (ollama/glm-4.7-flash): request_changes", StringComparison.Ordinal));
        output.WriteLine($"codex {outcome.Codex!.Elapsed.TotalSeconds:F2} s, dispatch {outcome.Elapsed.TotalSeconds:F2} s, result {Encoding.UTF8.GetByteCount(text)} bytes:\n{text}");
    }

    [Fact]
    public async Task A_realistic_multi_file_change_with_three_reviewers_returns_at_most_2_KB()
    {
        var patch = new StringBuilder("*** Begin Patch\n*** Update File: src/calc.py\n@@\n def add(a, b):\n-    return a - b\n+    return a + b\n");
        patch.Append("*** Add File: src/pager.py\n");
        for (var i = 0; i < 120; i++) patch.Append(System.Globalization.CultureInfo.InvariantCulture, $"+def page_{i}(items, size={i + 1}):\n");
        for (var f = 0; f < 6; f++)
        {
            patch.Append(System.Globalization.CultureInfo.InvariantCulture, $"*** Add File: tests/test_module_{f}.py\n");
            for (var i = 0; i < 25; i++) patch.Append(System.Globalization.CultureInfo.InvariantCulture, $"+def test_case_{f}_{i}():\n+    assert True\n");
        }
        patch.Append("*** End Patch\n");
        await using var h = await DispatchHarness.StartAsync(
            ResponsesStep.ApplyPatch(patch.ToString()) with { Usage = new(30_000, 12_000, 4_000, 800) },
            ResponsesStep.Exec("python3 -c 'print(1)'") with { Usage = new(34_000, 30_000, 200, 0) },
            ResponsesStep.Message("Fixed add() and added a pager module with tests. " + new string('.', 600)));
        (string, int, string, string)[] Findings(string framing) => Enumerable.Range(1, 8)
            .Select(i => ($"src/pager.py", i * 7, i <= 2 ? "high" : "low", $"{framing} finding {i}: the page size default is inconsistent with callers in module {i}"))
            .ToArray();
        await using var reviewers = await ReviewerBackend.StartAsync(new Dictionary<string, ScriptedReview>
        {
            ["glm-4.7-flash"] = ScriptedReview.Verdict("request_changes", default, Findings("correctness")),
            ["qwen3:8b"] = ScriptedReview.Verdict("approve", default, Findings("quality")),
            ["gemma3:12b"] = ScriptedReview.Verdict("reject", default, Findings("security")),
        });

        var outcome = await h.Service(reviewers.ClientFor(h.Paths)).RunAsync(new DispatchRequest("Fix add() and add a pager with tests",
            Reviewers: ["ollama/glm-4.7-flash", "ollama/qwen3:8b", "ollama/gemma3:12b"]), null, CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.Completed, outcome.Error);
        var diffBytes = new FileInfo(outcome.Artifacts!.PathOf(DispatchArtifacts.DiffFile)).Length;
        var text = DispatchResultFormatter.Format(outcome);
        var bytes = Encoding.UTF8.GetByteCount(text);
        output.WriteLine($"diff {diffBytes} bytes, {outcome.DiffStat!.Files.Count} files; result {bytes} bytes; codex {outcome.Codex!.Elapsed.TotalSeconds:F2} s\n{text}");
        diffBytes.Should().BeGreaterThan(8000);
        bytes.Should().BeLessThanOrEqualTo(2048);
        text.Should().Contain("reviews: reject (3 of 3 reviewers)").And.Contain("8 files changed");
    }

    [Fact]
    public async Task Concurrent_dispatches_in_one_repository_get_separate_worktrees_and_branches()
    {
        await using var h = await DispatchHarness.WithFixScriptAsync();
        await using var other = await FakeResponsesServer.StartAsync(
            ResponsesStep.Exec("printf 'docs\\n' > DOCS.md"), ResponsesStep.Message("Added docs."));
        await using var reviewers = await ReviewerBackend.StartAsync(TwoReviewers());
        string[] rev = ["ollama/glm-4.7-flash", "ollama/qwen3:8b"];

        var results = await Task.WhenAll(
            h.Service(reviewers.ClientFor(h.Paths)).RunAsync(new DispatchRequest("Fix add", Reviewers: rev), null, CancellationToken.None),
            h.Service(reviewers.ClientFor(h.Paths), o => o.CodexConfig = [.. other.CodexConfigOverrides()])
                .RunAsync(new DispatchRequest("Fix add", Reviewers: rev), null, CancellationToken.None));

        results.Should().AllSatisfy(r => r.Status.Should().Be(DispatchStatus.Completed, r.Error));
        results[0].Branch.Should().NotBe(results[1].Branch);
        (await h.Repo.GitAsync("show", results[0].Branch + ":src/calc.py")).Should().Contain("a + b");
        (await h.Repo.GitAsync("show", results[1].Branch + ":DOCS.md")).Should().Be("docs");
        (await h.Repo.GitAsync("diff", "--name-only", "main", results[1].Branch!)).Should().Be("DOCS.md");
        h.WorktreeFolders().Should().BeEmpty();
        File.ReadAllLines(h.Paths.Ledger).Where(l => l.Contains("\"provider\":\"codex\"", StringComparison.Ordinal)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Cancelling_a_dispatch_stops_codex_and_removes_worktree_and_branch()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("late") with { Delay = TimeSpan.FromMinutes(5) });
        using var cts = new CancellationTokenSource();
        var sync = new SyncProgressCallback(p => { if (p == "codex started") cts.CancelAfter(500); });

        var act = () => h.Service(new NoReviewerExpected()).RunAsync(new DispatchRequest("Fix"), sync, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        h.Branches().Should().BeEmpty();
        h.WorktreeFolders().Should().BeEmpty();
    }

    [Fact]
    public async Task With_keepWorktree_the_worktree_stays_for_inspection()
    {
        await using var h = await DispatchHarness.WithFixScriptAsync();
        await using var reviewers = await ReviewerBackend.StartAsync(TwoReviewers());

        var outcome = await h.Service(reviewers.ClientFor(h.Paths), o => o.KeepWorktree = true)
            .RunAsync(new DispatchRequest("Fix add", Reviewers: ["ollama/glm-4.7-flash"]), null, CancellationToken.None);

        outcome.Status.Should().Be(DispatchStatus.Completed);
        File.ReadAllText(Path.Combine(outcome.WorktreePath!, "src", "calc.py")).Should().Contain("a + b");
        (await TempGitRepo.GitInAsync(outcome.WorktreePath!, "status", "--porcelain")).Should().BeEmpty();
        DispatchResultFormatter.Format(outcome).Should().Contain("worktree kept: " + outcome.WorktreePath);
    }
}

public sealed class SyncProgressCallback(Action<string> onReport) : IProgress<string>
{
    public void Report(string value) => onReport(value);
}
