using DistributedModel.Providers.Pricing;
using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Lanes;

/// <summary>
/// Issue 35.1: every attempt that reached the provider is billed by it in full (input and all output, thinking
/// included), whatever its outcome. A truncated or empty answer carries its usage to the ledger: tokens and the cost from
/// the price table, never a silent $0. Must survive: the truncated line's tokens are the fake's usage, its cost is the
/// price table's for them (non-zero), and today's spend counts both attempts.
/// </summary>
public sealed class BilledAttemptTests : ProviderTestBase
{
    private static readonly PriceTable Prices = new(DefaultPrices.All());

    [Theory]
    [InlineData("gemini")]
    [InlineData("deepseek")]
    [InlineData("openai")]
    public async Task A_truncated_then_retried_call_books_two_lines_with_both_costs(string provider)
    {
        await using var gemini = await FakeGemini.StartAsync();
        await using var deepseek = await FakeDeepSeek.StartAsync();
        await using var openai = await FakeOpenAI.StartAsync();
        FakeProviderServer fake = provider switch { "gemini" => gemini, "deepseek" => deepseek, _ => openai };
        fake.Usage = new FakeUsage(Input: 3_000, Output: 1_000, Reasoning: 400);
        fake.Reply("the whole answer, every line of it").Enqueue(FakeFault.TruncatedAnswer());
        using var host = Host(gemini, deepseek, openai);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x") { Provider = provider, MaxOutputTokens = 1000 });

        var lines = host.LedgerLines();
        lines.Select(l => (l.Outcome, l.Error)).Should().Equal(("error", "truncated"), ("ok", null));
        var cut = lines[0];
        (cut.In, cut.Out, cut.Reasoning).Should().Be((3_000L, 1_000L, 400L));
        var expected = Prices.Cost(provider, cut.Model!, new TokenUsage(3_000, 1_000, 400, 0), Clock.GetUtcNow());
        expected.Should().NotBeNull().And.BeGreaterThan(0m);
        cut.CostUsd.Should().Be(expected);
        cut.Unpriced.Should().BeNull();
        lines[1].CostUsd.Should().Be(r.CostUsd).And.BeGreaterThan(0m);
        lines.Sum(l => l.CostUsd ?? 0m).Should().Be(expected!.Value + r.CostUsd);
    }

    [Theory]
    [InlineData("gemini")]
    [InlineData("deepseek")]
    [InlineData("openai")]
    public async Task An_empty_answer_is_booked_with_its_tokens_and_cost(string provider)
    {
        await using var gemini = await FakeGemini.StartAsync();
        await using var deepseek = await FakeDeepSeek.StartAsync();
        await using var openai = await FakeOpenAI.StartAsync();
        FakeProviderServer fake = provider switch { "gemini" => gemini, "deepseek" => deepseek, _ => openai };
        fake.Usage = new FakeUsage(Input: 2_000, Output: 500, Reasoning: 500);
        fake.Reply("");
        using var host = Host(gemini, deepseek, openai);

        var act = () => host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x") { Provider = provider, MaxOutputTokens = 1000 });

        (await act.Should().ThrowAsync<ProviderException>()).Which.ErrorClass.Should().Be(ProviderErrorClass.EmptyResponse);
        var line = host.LedgerLines().Should().ContainSingle().Which;
        (line.Outcome, line.Error).Should().Be(("error", ProviderErrorClass.EmptyResponse));
        (line.In, line.Out, line.Reasoning).Should().Be((2_000L, 500L, 500L));
        var expected = Prices.Cost(provider, line.Model!, new TokenUsage(2_000, 500, 500, 0), Clock.GetUtcNow());
        expected.Should().NotBeNull().And.BeGreaterThan(0m);
        line.CostUsd.Should().Be(expected);
    }

    [Fact]
    public async Task The_daily_budget_counts_the_truncated_attempt()
    {
        await using var openai = await FakeOpenAI.StartAsync();
        openai.Usage = new FakeUsage(Input: 100_000, Output: 10_000);
        openai.Reply("the whole answer").Enqueue(FakeFault.TruncatedAnswer());
        decimal each;
        using (var first = Host(openai: openai))
        {
            await first.Lanes.CompleteAsync(new LaneRequest("consult", "", "x") { Provider = "openai", MaxOutputTokens = 1000 });
            var lines = first.LedgerLines();
            each = lines[1].CostUsd!.Value;
            lines[0].CostUsd.Should().Be(each);
        }

        // Spent today: both attempts (2 × each). A cap of 1.5 × each is passed only if the truncated one is counted.
        var cap = (each * 1.5m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var host = Host(openai: openai, dmJson: """{"lanes":{"consult":{"dailyBudgetUsd":""" + cap + "}}}");
        var act = () => host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x") { Provider = "openai" });

        (await act.Should().ThrowAsync<ProviderException>()).Which.ErrorClass.Should().Be(ProviderErrorClass.BudgetExceeded);
    }

    [Fact]
    public async Task An_Ollama_truncated_attempt_books_its_tokens_as_local()
    {
        await using var ollama = await FakeOllama.StartAsync();
        ollama.Usage = new FakeUsage(Input: 3_000, Output: 1_000);
        ollama.Reply("the whole answer").Enqueue(FakeFault.TruncatedAnswer());
        using var host = Host(ollama: ollama);

        await host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x") { Provider = "ollama", MaxOutputTokens = 1000 });

        var cut = host.LedgerLines()[0];
        cut.Error.Should().Be("truncated");
        (cut.In, cut.Out).Should().Be((3_000L, 1_000L));
        cut.Local.Should().BeTrue();
    }
}
