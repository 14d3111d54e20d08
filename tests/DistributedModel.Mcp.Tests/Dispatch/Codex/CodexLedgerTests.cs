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
}
