using System.Diagnostics;
using DistributedModel.Core.Workspace;
using DistributedModel.Hooks.Routing;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.Routing;

/// <summary>Issue 11.13: a repository's own routing patterns (dm.json) cannot make a prompt slow. Each pattern has a match
/// timeout, the prompt a total budget; past either the prompt gets no hint and the hook's log line says why.</summary>
public sealed class RoutingBudgetTests : IDisposable
{
    // Exponential backtracking on a run of 'a's that does not end the way the pattern wants: seconds to hours without a timeout.
    private const string Catastrophic = "(a+)+$|(a|aa)+b";
    private static readonly string Prompt = "please look at " + new string('a', 40) + "!";

    private readonly TempDirectory _dir = new("dm-budget");

    [Fact]
    public void Catastrophic_user_patterns_return_within_the_budget_with_no_hint_and_a_log_line()
    {
        _dir.Write(".claude/dm.json", $$$"""
            {"routing": {"budgetMilliseconds": 150, "lanes": [
              {"lane": "summarize", "match": ["{{{Catastrophic}}}"]},
              {"lane": "evil1", "match": ["{{{Catastrophic}}}"], "guidance": "g"},
              {"lane": "evil2", "match": ["{{{Catastrophic}}}"], "guidance": "g"},
              {"lane": "evil3", "match": ["{{{Catastrophic}}}"], "guidance": "g"}
            ]}}
            """);

        var sw = Stopwatch.StartNew();
        var result = UserPromptSubmitHook.Handle(HookInputs.Parse(HookInputs.Prompt(_dir.Path, Prompt)), new WorkspacePaths(_dir.Path));
        sw.Stop();

        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "one 50 ms timeout ends the routing; never seconds per prompt");
        result.Outcome.Should().Be("passthrough", "fail open: no hint");
        result.Stdout.Should().BeNull();
        result.Detail.Should().Contain("lane summarize: a pattern timed out after 50 ms; no hint");
    }

    [Fact]
    public void Many_slow_but_finishing_patterns_stop_at_the_total_budget()
    {
        // Each pattern backtracks a little under its 50 ms timeout; together they would take far longer than the budget.
        var slow = Enumerable.Range(0, 200).Select(i => $"(x+x+)+{i}y").ToList();
        var rules = new RoutingRules
        {
            BudgetMilliseconds = 20,
            Lanes = [new RoutingLaneRule { Lane = "slow", Match = slow, Guidance = "g" }],
        };
        var router = new PromptRouter(rules);
        var text = "x " + new string('x', 14) + " done";

        var sw = Stopwatch.StartNew();
        var decision = router.Route(text);
        sw.Stop();

        decision.Context.Should().BeNull();
        decision.Problems.Should().ContainSingle().Which.Should().MatchRegex("routing budget of 20 ms spent|timed out");
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void Only_the_first_8_KB_of_a_huge_pasted_prompt_are_matched()
    {
        var router = new PromptRouter(RoutingRulesLoader.LoadDefaults());
        var pasted = "Scaffold CRUD endpoints for the Invoice entity\n" + string.Concat(Enumerable.Repeat("2026-12-03 INFO request served in 3 ms\n", 50_000)) + "second opinion";

        var sw = Stopwatch.StartNew();
        var decision = router.Route(pasted);

        decision.Lanes.Should().Equal(new[] { "scaffold" }, "the tribunal words sit past the first 8 KB");
        decision.Problems.Should().BeEmpty();
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(500));
    }

    public void Dispose() => _dir.Dispose();
}
