using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Lanes;

public sealed class CancellationTests : ProviderTestBase
{
    [Fact]
    public async Task Caller_cancellation_stops_the_call_without_fallback_and_is_recorded()
    {
        await using var gemini = await FakeGemini.StartAsync();
        await using var deepseek = await FakeDeepSeek.StartAsync();
        gemini.Delay(TimeSpan.FromSeconds(20));
        using var host = Host(gemini: gemini, deepseek: deepseek);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var sw = System.Diagnostics.Stopwatch.StartNew();
        var act = () => host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x"), cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        deepseek.RequestCount.Should().Be(0);
        host.LedgerLines().Should().ContainSingle().Which.Error.Should().Be("cancelled");
    }
}
