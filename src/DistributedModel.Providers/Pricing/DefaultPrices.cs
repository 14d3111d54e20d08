namespace DistributedModel.Providers.Pricing;

/// <summary>
/// Dated list prices shipped with the code (USD per 1M tokens: input / cached input / output), each with its source
/// (the letters are the citations of docs/providers.md). A model missing here is recorded as <c>unpriced</c> in the
/// ledger, never as $0: add it under <c>prices</c> in <c>~/.claude/dm.json</c> or <c>.claude/dm.json</c>.
/// Not priced on purpose: gpt-6.2-sol and gpt-6.2-astra (released 2026-11-17; only third-party prices were found).
/// </summary>
internal static class DefaultPrices
{
    /// <summary>OpenAI gpt-5.6 and gpt-6.x: above 272K input the whole request costs 2× input and 1.5× output [O9].</summary>
    private static readonly LongContextTier OpenAILongContext = new(272_000, 2m, 1.5m);

    public static IEnumerable<(string Model, ModelPrice Price)> All()
    {
        // Gemini (output includes thinking) [P1 unless noted]. 3.8-flash: launch price until 2026-12-31, then 1.50 / 7.50 [G14].
        yield return ("gemini-3.8-flash", new(0.75m, 0.075m, 3.75m, new DateOnly(2026, 9, 2)));
        yield return ("gemini-3.8-flash", new(1.50m, 0.15m, 7.50m, new DateOnly(2027, 1, 1)));
        yield return ("gemini-3.6-flash", new(1.50m, 0.15m, 7.50m, new DateOnly(2026, 7, 24)));
        yield return ("gemini-3.5-flash", new(1.50m, 0.15m, 9.00m, new DateOnly(2026, 7, 24)));          // [G17]
        yield return ("gemini-3.5-flash-lite", new(0.30m, 0.03m, 2.50m, new DateOnly(2026, 7, 24)));
        yield return ("gemini-3.1-flash-lite", new(0.25m, 0.025m, 1.50m, new DateOnly(2026, 7, 24)));
        yield return ("gemini-3-flash-preview", new(0.50m, 0.05m, 3.00m, new DateOnly(2026, 7, 24)));    // [G17]
        yield return ("gemini-2.5-flash-lite", new(0.10m, 0.01m, 0.40m, new DateOnly(2026, 7, 24)));
        // gemini-2.5-flash shut down on 2026-12-01; calls to it are served by 3.5-flash-lite at that price [G12].
        yield return ("gemini-2.5-flash", new(0.30m, 0.03m, 2.50m, new DateOnly(2026, 7, 24)));
        // DeepSeek off-peak prices, pricing page read 2026-09-10…13 [D1] (peak hours Mon–Fri 01–04 and 06–10 UTC cost 2×, see PriceTable).
        yield return ("deepseek-flash", new(0.15m, 0.003m, 0.60m, new DateOnly(2026, 9, 10)));
        yield return ("deepseek-v4-flash", new(0.15m, 0.003m, 0.60m, new DateOnly(2026, 9, 10)));
        yield return ("deepseek-v4-pro", new(0.66m, 0.022m, 1.98m, new DateOnly(2026, 9, 10)));
        // OpenAI current lineup: cache writes at 1.25× input, the long-context tier above 272K input.
        yield return OpenAI("gpt-6.1-sol", 2.00m, 0.10m, 10.00m, new DateOnly(2026, 10, 1));       // [O12]
        yield return OpenAI("gpt-6.1-terra", 1.00m, 0.05m, 5.00m, new DateOnly(2026, 10, 26));     // [O10]
        yield return OpenAI("gpt-6-astra", 10.00m, 1.00m, 50.00m, new DateOnly(2026, 9, 3));       // [O11], pydantic/genai-prices#680
        yield return OpenAI("gpt-6-sol", 2.00m, 0.20m, 10.00m, new DateOnly(2026, 9, 22));         // [O9]
        yield return OpenAI("gpt-6-luna", 0.10m, 0.01m, 0.50m, new DateOnly(2026, 9, 22));         // [O9]
        yield return OpenAI("gpt-5.6-sol", 4.00m, 0.40m, 20.00m, new DateOnly(2026, 7, 31));       // [O14] (promo)
        yield return OpenAI("gpt-5.6-terra", 2.00m, 0.20m, 12.00m, new DateOnly(2026, 7, 31));     // [O14]
        yield return OpenAI("gpt-5.6-luna", 0.20m, 0.02m, 1.20m, new DateOnly(2026, 7, 31));       // [O14]
    }

    private static (string, ModelPrice) OpenAI(string model, decimal input, decimal cached, decimal output, DateOnly asOf) =>
        (model, ModelPrice.OpenAI(input, cached, output, asOf) with { LongContext = OpenAILongContext });
}
