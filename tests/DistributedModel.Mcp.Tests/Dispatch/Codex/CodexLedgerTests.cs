using DistributedModel.Mcp.Dispatch;
using DistributedModel.Mcp.Dispatch.Codex;
using DistributedModel.Providers.Pricing;

namespace DistributedModel.Mcp.Tests.Dispatch.Codex;

public sealed class CodexLedgerTests
{
    [Fact]
    public void Cache_writes_are_recorded_and_priced_at_the_openai_cache_write_rate()
    {
        var options = new DispatchOptions { CodexPrices = ModelPrice.OpenAI(2m, 0.2m, 8m, default) };
        var run = new CodexRunResult(CodexRunStatus.Succeeded, null, 0, TimeSpan.FromSeconds(3),
            new CodexUsage(1_000_000, 200_000, 100_000, 10_000) { CacheWrite = 400_000 }, "done", 1, [], 5, "");

        var record = CodexLedger.ToRecord(run, options, DateTimeOffset.UnixEpoch);

        record.CacheWrite.Should().Be(400_000);
        // 400K plain input × $2 + 200K cached × $0.2 + 400K writes × $2.5 (1.25 × input) + 100K output × $8, per 1M.
        record.CostUsd.Should().Be(0.8m + 0.04m + 1.0m + 0.8m);
        // The baseline (Claude list price, no cache-write rate configured) bills writes as input: 800K × $5 + 200K × $0.5 + 100K × $25.
        record.BaselineUsd.Should().Be(4.0m + 0.1m + 2.5m);
    }

    private static CodexRunResult Run(CodexUsage usage) =>
        new(CodexRunStatus.Succeeded, null, 0, TimeSpan.FromSeconds(3), usage, "done", 1, [], 5, "");

    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Without_a_configured_price_an_unknown_model_is_booked_unpriced_never_zero()
    {
        var record = CodexLedger.ToRecord(Run(new CodexUsage(100_000, 0, 5_000, 0)), new DispatchOptions(), Now);

        record.Model.Should().Be(CodexLedger.DefaultModelName);
        record.CostUsd.Should().BeNull();
        record.Unpriced.Should().BeTrue();
        record.Detail.Should().Contain("dispatch.codexPrices");
        var json = System.Text.Json.JsonSerializer.Serialize(record, DistributedModel.Core.Ledger.LedgerJsonContext.Default.LedgerRecord);
        json.Should().Contain("\"cost_usd\":null").And.Contain("\"unpriced\":true");
    }

    [Fact]
    public void Without_a_configured_price_a_model_in_the_price_table_gets_its_dated_price()
    {
        // gpt-6.1-terra in the table: $1 input, $0.05 cached, $5 output per 1M (from 2026-10-26).
        var options = new DispatchOptions { CodexModel = "gpt-6.1-terra" };

        var record = CodexLedger.ToRecord(Run(new CodexUsage(200_000, 50_000, 100_000, 0)), options, Now);

        // 150K plain × $1 + 50K cached × $0.05 + 100K output × $5, per 1M (below the 272K long-context tier).
        record.CostUsd.Should().Be(0.15m + 0.0025m + 0.5m);
        record.Unpriced.Should().BeNull();
    }

    [Fact]
    public void A_model_named_in_the_codex_config_overrides_is_priced_from_the_table_too()
    {
        var options = new DispatchOptions { CodexConfig = ["model = \"gpt-6-luna\""] };

        var record = CodexLedger.ToRecord(Run(new CodexUsage(200_000, 0, 200_000, 0)), options, Now);

        // gpt-6-luna: $0.10 input, $0.50 output per 1M.
        record.Model.Should().Be("gpt-6-luna");
        record.CostUsd.Should().Be(0.02m + 0.10m);
    }

    [Fact]
    public void A_configured_price_wins_over_the_table_and_an_explicit_zero_is_plan_billed_not_unpriced()
    {
        var usage = new CodexUsage(1_000_000, 0, 1_000_000, 0);
        var priced = CodexLedger.ToRecord(Run(usage), new DispatchOptions { CodexModel = "gpt-6.1-terra", CodexPrices = ModelPrice.OpenAI(3m, 0m, 7m, default) }, Now);
        var planBilled = CodexLedger.ToRecord(Run(usage), new DispatchOptions { CodexPrices = ModelPrice.OpenAI(0m, 0m, 0m, default) }, Now);

        priced.CostUsd.Should().Be(10m);
        priced.Detail.Should().Contain("dispatch.codexPrices");
        planBilled.CostUsd.Should().Be(0m);
        planBilled.Unpriced.Should().BeNull();
    }
}
