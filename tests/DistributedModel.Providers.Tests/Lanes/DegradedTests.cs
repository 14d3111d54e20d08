namespace DistributedModel.Providers.Tests.Lanes;

/// <summary>
/// Issue 13 "What to build" 5: a lane request with a deterministic fallback returns it, marked degraded, when no provider
/// answered; one without a fallback still fails clearly. Must survive: the fallback text, the reason naming the missing
/// keys, the ledger's "degraded" line, and the exception for the opinion lane.
/// </summary>
public sealed class DegradedTests : ProviderTestBase
{
    [Fact]
    public async Task With_no_provider_configured_the_deterministic_fallback_is_returned_and_recorded_as_degraded()
    {
        using var host = Host();

        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x") { DeterministicFallback = () => "the compressor's digest" });

        r.Degraded.Should().BeTrue();
        r.Text.Should().Be("the compressor's digest");
        r.Provider.Should().Be("none");
        r.DegradedReason.Should().Contain("GEMINI_API_KEY").And.Contain("DEEPSEEK_API_KEY");
        var last = host.LedgerLines().Last();
        (last.Outcome, last.Provider, last.CostUsd).Should().Be(("degraded", "none", 0m));
        last.Detail.Should().StartWith("no model answered: deterministic substitute returned.");
    }

    [Fact]
    public async Task Without_a_fallback_the_lane_still_fails()
    {
        using var host = Host();

        var act = () => host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x"));

        (await act.Should().ThrowAsync<ProviderException>()).Which.Message.Should().Contain("OPENAI_API_KEY");
        host.LedgerLines().Should().NotContain(l => l.Outcome == "degraded");
    }
}
