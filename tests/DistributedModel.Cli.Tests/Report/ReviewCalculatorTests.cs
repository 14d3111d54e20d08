using DistributedModel.Core.Ledger;
using DistributedModel.Core.Logging;
using DistributedModel.Cli.Report;

namespace DistributedModel.Cli.Tests.Report;

public sealed class ReviewCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = Now.AddDays(-8);

    private static Review Compute(IEnumerable<HookLogRecord>? hooks = null, IEnumerable<ProviderCall>? ledger = null, IEnumerable<DecisionRecord>? audits = null) =>
        ReviewCalculator.Compute([.. hooks ?? []], [.. ledger ?? []], [.. audits ?? []], Now, 7, Start, 0);

    private static HookLogRecord Hook(string ev, double ms, long inB = 100, long outB = 10) => new()
    {
        Timestamp = Now.AddHours(-1), Event = ev, Tool = "Bash", InputBytes = inB, OutputBytes = outB, ElapsedMs = ms, Outcome = HookOutcomes.Compressed,
    };

    private static ProviderCall Call(string outcome = "ok", string? fallbackFrom = null, decimal cost = 1, decimal baseline = 1) =>
        new(Now.AddHours(-1), new LedgerRecord
        {
            Ts = "2026-11-23T11:00:00.000Z", Lane = "summarize", Provider = "gemini", Model = "m", In = 1, Out = 1, CostUsd = cost, BaselineUsd = baseline,
            Ms = 10, FallbackFrom = fallbackFrom, Outcome = outcome,
        });

    private static TargetResult Target(Review r, string prefix) => r.Targets.Single(t => t.Name.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void P95_of_exactly_50_ms_fails_and_just_below_passes()
    {
        var at50 = Compute(Enumerable.Range(1, 20).Select(i => Hook("PostToolUse", i >= 19 ? 50 : i)));
        var below = Compute(Enumerable.Range(1, 20).Select(i => Hook("PostToolUse", i >= 19 ? 49.9 : i)));

        at50.Latency["PostToolUse"].P95.Should().Be(50);
        Target(at50, "Hook latency p95 PostToolUse").Status.Should().Be(TargetStatus.Fail);
        Target(below, "Hook latency p95 PostToolUse").Status.Should().Be(TargetStatus.Pass);
    }

    [Fact]
    public void Success_without_fallback_must_be_strictly_above_95_percent()
    {
        var exactly95 = Compute(ledger: Enumerable.Range(0, 20).Select(i => i == 0 ? Call("error") : Call()).Append(Call("ok", "gemini")));
        var above = Compute(ledger: Enumerable.Range(0, 21).Select(i => i == 0 ? Call("refused") : Call()));

        exactly95.SpecialistRequests.Should().Be(20);
        exactly95.SuccessWithoutFallback.Should().Be(0.95);
        Target(exactly95, "Specialist").Status.Should().Be(TargetStatus.Fail);
        above.SuccessWithoutFallback.Should().BeApproximately(20.0 / 21, 1e-12);
        Target(above, "Specialist").Status.Should().Be(TargetStatus.Pass);
    }

    [Fact]
    public void Spend_of_exactly_minus_30_percent_passes_and_minus_29_9_fails()
    {
        var at = Compute(ledger: [Call(cost: 0.7m, baseline: 1m)]);
        var over = Compute(ledger: [Call(cost: 0.701m, baseline: 1m)]);

        at.SpendDelta.Should().Be(-0.3);
        Target(at, "Spend").Status.Should().Be(TargetStatus.Pass);
        Target(over, "Spend").Status.Should().Be(TargetStatus.Fail);
    }

    [Fact]
    public void Context_reduction_below_half_fails()
    {
        var r = Compute([Hook("PostToolUse", 1, 1000, 501)]);

        r.ContextReduction.Should().BeApproximately(0.499, 1e-9);
        Target(r, "Context").Status.Should().Be(TargetStatus.Fail);
    }

    [Fact]
    public void Overturns_count_modify_and_reverse_only()
    {
        var d = DateOnly.FromDateTime(Now.UtcDateTime);
        var none = Compute(audits: [new(d, "consult", "AFFIRM", ["openai"], "a.md"), new(d, "consult", "DEFER", ["openai"], "b.md")]);
        var two = Compute(audits: [new(d, "consult", "MODIFY", ["openai"], "a.md"), new(d, "tribunal", "REVERSE", ["openai"], "b.md")]);

        none.Overturns.Should().Be(0);
        Target(none, "Consultant").Status.Should().Be(TargetStatus.Fail);
        two.Overturns.Should().Be(2);
        Target(two, "Consultant").Status.Should().Be(TargetStatus.Pass);
    }

    [Fact]
    public void Promote_needs_every_target_and_a_full_window()
    {
        var d = DateOnly.FromDateTime(Now.UtcDateTime);
        HookLogRecord[] hooks = [Hook("PostToolUse", 3), Hook("UserPromptSubmit", 2)];
        ProviderCall[] ledger = [Call(cost: 0.1m, baseline: 1m)];
        DecisionRecord[] audits = [new(d, "consult", "MODIFY", ["openai"], "a.md")];

        ReviewCalculator.Compute(hooks, ledger, audits, Now, 7, Now.AddDays(-7), 0).Promote.Should().BeTrue();
        ReviewCalculator.Compute(hooks, ledger, audits, Now, 7, Now.AddDays(-6.9), 0).Promote.Should().BeFalse();
        ReviewCalculator.Compute(hooks, ledger, [], Now, 7, Now.AddDays(-7), 0).Promote.Should().BeFalse();
    }

    [Fact]
    public void Every_target_is_found_by_its_own_key_and_an_unknown_key_is_named()
    {
        var r = Compute([Hook(HookEvents.PostToolUse, 3)], [Call()]);

        r.Targets.Select(t => t.Key).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(
            [TargetKeys.ContextBytes, TargetKeys.HookLatency(HookEvents.PostToolUse), TargetKeys.HookLatency(HookEvents.UserPromptSubmit),
             TargetKeys.SuccessWithoutFallback, TargetKeys.Overturns, TargetKeys.Spend]);
        r.Target(TargetKeys.HookLatency(HookEvents.UserPromptSubmit)).Name.Should().Be("Hook latency p95 UserPromptSubmit");
        r.Target(TargetKeys.Spend).Name.Should().Be("Spend vs all-orchestrator baseline");
        var act = () => r.Target("latency");
        act.Should().Throw<KeyNotFoundException>().WithMessage("*'latency'*");
    }
}
