using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Ledger;

/// <summary>
/// Back-to-back calls each land in the ledger exactly once (what the class tests; it was named OverheadTests, but the
/// per-call overhead in microseconds is measured by <c>bench/DistributedModel.Bench</c>, not asserted here).
/// </summary>
public sealed class LedgerLinePerCallTests : ProviderTestBase
{
    [Fact]
    public async Task Back_to_back_calls_each_append_exactly_one_ledger_line()
    {
        await using var ollama = await FakeOllama.StartAsync();
        using var host = Host(ollama: ollama);
        const int n = 200;

        for (var i = 0; i < n; i++)
            (await host.Lanes.CompleteAsync(new LaneRequest("review", "", "x"))).Text.Should().Be("fake answer");

        host.LedgerLines().Should().HaveCount(n).And.OnlyContain(l => l.Provider == "ollama" && l.Outcome == "ok");
        ollama.Requests.Should().HaveCount(n);
    }
}
