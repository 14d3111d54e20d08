using DistributedModel.Providers.Pricing;
using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.DeepSeek;

/// <summary>
/// Issue 35.1: DeepSeek JSON mode can answer content of only whitespace; its JSON-mode guide says to retry [D5]. The blank
/// answer is retried once on DeepSeek (not a fallback), and booked with its tokens and cost. Must survive: two requests to
/// DeepSeek, none to the next provider, the blank line priced from the fake's usage.
/// </summary>
public sealed class DeepSeekBlankJsonTests : ProviderTestBase
{
    [Fact]
    public async Task A_blank_JSON_answer_is_retried_on_DeepSeek_and_both_attempts_are_booked()
    {
        await using var deepseek = await FakeDeepSeek.StartAsync();
        await using var gemini = await FakeGemini.StartAsync();
        deepseek.Usage = new FakeUsage(Input: 1_500, Output: 300);
        var answers = new Queue<string>(["  \n\n  ", """{"ok":true}"""]);
        deepseek.Reply(_ => answers.Dequeue());
        gemini.Reply("""{"from":"gemini"}""");
        using var host = Host(gemini: gemini, deepseek: deepseek,
            dmJson: """{"lanes":{"consult":{"chain":["deepseek","gemini"]}}}""");

        var r = await host.Lanes.CompleteAsync(new LaneRequest("consult", "Answer in json.", "x") { JsonOutput = true });

        r.Text.Should().Be("""{"ok":true}""");
        r.Provider.Should().Be("deepseek");
        deepseek.RequestCount.Should().Be(2);
        gemini.RequestCount.Should().Be(0);
        var lines = host.LedgerLines();
        lines.Select(l => (l.Provider, l.Outcome, l.Error)).Should().Equal(("deepseek", "error", ProviderErrorClass.EmptyResponse), ("deepseek", "ok", null));
        var blank = lines[0];
        (blank.In, blank.Out).Should().Be((1_500L, 300L));
        var expected = new PriceTable(DefaultPrices.All()).Cost("deepseek", blank.Model!, new TokenUsage(1_500, 300, 0, 0), Clock.GetUtcNow());
        expected.Should().NotBeNull().And.BeGreaterThan(0m);
        blank.CostUsd.Should().Be(expected);
    }

    [Fact]
    public async Task Blank_twice_falls_back_to_the_next_provider()
    {
        await using var deepseek = await FakeDeepSeek.StartAsync();
        await using var gemini = await FakeGemini.StartAsync();
        deepseek.Reply("   ");
        gemini.Reply("""{"from":"gemini"}""");
        using var host = Host(gemini: gemini, deepseek: deepseek,
            dmJson: """{"lanes":{"consult":{"chain":["deepseek","gemini"]}}}""");

        var r = await host.Lanes.CompleteAsync(new LaneRequest("consult", "Answer in json.", "x") { JsonOutput = true });

        r.Provider.Should().Be("gemini");
        deepseek.RequestCount.Should().Be(2);
    }
}
