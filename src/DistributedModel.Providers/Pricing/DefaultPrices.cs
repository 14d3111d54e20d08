namespace DistributedModel.Providers.Pricing;

/// <summary>
/// Dated list prices shipped with the code (USD per 1M tokens: input / cached input / output). Sources: provider
/// pricing pages as read 2026-09 … 2026-11-12. Override any model in <c>.claude/dm.json</c> <c>prices</c>.
/// </summary>
internal static class DefaultPrices
{
    public static IEnumerable<(string Model, ModelPrice Price)> All()
    {
        // Gemini (output includes thinking). 3.8-flash: launch price until 2026-12-31, then 1.50 / 7.50.
        yield return ("gemini-3.8-flash", new(0.75m, 0.075m, 3.75m, new DateOnly(2026, 9, 2)));
        yield return ("gemini-3.8-flash", new(1.50m, 0.15m, 7.50m, new DateOnly(2027, 1, 1)));
        yield return ("gemini-2.5-flash-lite", new(0.10m, 0.01m, 0.40m, new DateOnly(2026, 7, 24)));
        yield return ("gemini-2.5-flash", new(0.30m, 0.03m, 2.50m, new DateOnly(2026, 7, 24)));
        yield return ("gemini-3.5-flash-lite", new(0.30m, 0.03m, 2.50m, new DateOnly(2026, 7, 24)));
        // DeepSeek off-peak prices (peak hours Mon–Fri 01–04 and 06–10 UTC cost 2×, see PriceTable).
        yield return ("deepseek-flash", new(0.15m, 0.003m, 0.60m, new DateOnly(2026, 9, 10)));
        yield return ("deepseek-v4-flash", new(0.15m, 0.003m, 0.60m, new DateOnly(2026, 9, 10)));
        yield return ("deepseek-v4-pro", new(0.66m, 0.022m, 1.98m, new DateOnly(2026, 9, 10)));
        // OpenAI current lineup.
        yield return ("gpt-6.1-sol", new(2.00m, 0.10m, 10.00m, new DateOnly(2026, 10, 1)));
        yield return ("gpt-6.1-terra", new(1.00m, 0.05m, 5.00m, new DateOnly(2026, 10, 26)));
        yield return ("gpt-6-sol", new(2.00m, 0.20m, 10.00m, new DateOnly(2026, 9, 22)));
        yield return ("gpt-6-luna", new(0.10m, 0.01m, 0.50m, new DateOnly(2026, 9, 22)));
    }
}
