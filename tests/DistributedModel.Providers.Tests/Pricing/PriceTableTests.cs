using DistributedModel.Providers.Pricing;

namespace DistributedModel.Providers.Tests.Pricing;

public sealed class PriceTableTests
{
    private static readonly PriceTable Table = new(DefaultPrices.All());
    private static readonly TokenUsage Million = new(1_000_000, 1_000_000, 0, 0);

    [Fact]
    public void Gemini_3_8_flash_launch_price_ends_on_2026_12_31()
    {
        Table.Cost("gemini", "gemini-3.8-flash", Million, new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero)).Should().Be(0.75m + 3.75m);
        Table.Cost("gemini", "gemini-3.8-flash", Million, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)).Should().Be(1.50m + 7.50m);
    }

    [Theory]
    [InlineData(2026, 11, 23, 7, true)]   // Monday 07 UTC
    [InlineData(2026, 11, 23, 2, true)]   // Monday 02 UTC
    [InlineData(2026, 11, 23, 5, false)]  // Monday 05 UTC
    [InlineData(2026, 11, 23, 12, false)]
    [InlineData(2026, 11, 28, 7, false)]  // Saturday
    public void DeepSeek_costs_double_in_peak_hours(int y, int m, int d, int hour, bool peak)
    {
        var cost = Table.Cost("deepseek", "deepseek-flash", Million, new DateTimeOffset(y, m, d, hour, 0, 0, TimeSpan.Zero));

        cost.Should().Be(peak ? 2 * (0.15m + 0.60m) : 0.15m + 0.60m);
    }

    [Fact]
    public void Cached_tokens_are_billed_at_the_cached_price_local_models_cost_nothing_and_unknown_models_are_unpriced()
    {
        var at = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        Table.Cost("openai", "gpt-6.1-sol", new TokenUsage(200_000, 0, 0, 200_000), at).Should().Be(0.02m);
        Table.Cost("openai", "gpt-6-luna", new TokenUsage(0, 1_000_000, 900_000, 0), at).Should().Be(0.50m);
        Table.Cost("ollama", "glm-4.7-flash", Million, at).Should().Be(0m);
        Table.Cost("openai", "unknown-model", Million, at).Should().BeNull("an unknown price is unknown, not $0 (defect 13.4)");
        Table.Cost("openai", "gpt-6.2-sol", Million, at).Should().BeNull("released 2026-11-17 without a first-party price");
        Table.Knows("openai", "unknown-model").Should().BeFalse();
    }

    /// <summary>
    /// Defect 13.4: OpenAI cache writes cost 1.25× input and a request over 272K input costs 2× input and 1.5× output.
    /// Must survive: the exact dollar amounts below, computed by hand from the list prices.
    /// </summary>
    [Fact]
    public void Cache_writes_and_the_long_context_tier_are_billed()
    {
        var at = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        // gpt-6.1-terra 1 / .05 / 5, cache write 1.25: 600K plain + 400K written = 0.60 + 0.50; no output.
        Table.Cost("openai", "gpt-6.1-terra", new TokenUsage(100_000, 0, 0, 0) { CacheWrite = 40_000 }, at).Should().Be(0.06m + 0.05m);
        // 300K input (over 272K), 10K output: (300K × 1 × 2 + 10K × 5 × 1.5) / 1M = 0.60 + 0.075.
        Table.Cost("openai", "gpt-6.1-terra", new TokenUsage(300_000, 10_000, 0, 0), at).Should().Be(0.675m);
        // exactly 272K is not over the threshold.
        Table.Cost("openai", "gpt-6.1-terra", new TokenUsage(272_000, 0, 0, 0), at).Should().Be(0.272m);
        // Gemini has no cache-write price: writes are billed as input.
        Table.Cost("gemini", "gemini-3.8-flash", new TokenUsage(1_000_000, 0, 0, 0) { CacheWrite = 1_000_000 }, at).Should().Be(0.75m);
    }
}
