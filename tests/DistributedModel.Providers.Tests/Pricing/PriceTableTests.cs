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
    public void Cached_tokens_are_billed_at_the_cached_price_and_local_or_unknown_models_cost_nothing()
    {
        var at = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        Table.Cost("openai", "gpt-6.1-sol", new TokenUsage(1_000_000, 0, 0, 1_000_000), at).Should().Be(0.10m);
        Table.Cost("openai", "gpt-6-luna", new TokenUsage(0, 1_000_000, 900_000, 0), at).Should().Be(0.50m);
        Table.Cost("ollama", "glm-4.7-flash", Million, at).Should().Be(0m);
        Table.Cost("openai", "unknown-model", Million, at).Should().Be(0m);
        Table.Knows("openai", "unknown-model").Should().BeFalse();
    }
}
