using DistributedModel.Testing;
using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Resilience;

public sealed class CircuitBreakerTests : ProviderTestBase
{
    [Fact]
    public async Task Circuit_opens_after_repeated_failures_and_further_calls_fail_fast_without_a_request()
    {
        await using var gemini = await FakeGemini.StartAsync();
        gemini.FailAlways(FakeFault.ServerError());
        using var host = Host(gemini: gemini, dmJson: """
            {"providers":{"gemini":{"maxRetries":0,
              "circuitBreaker":{"failureRatio":0.5,"minimumThroughput":3,"samplingSeconds":30,"breakSeconds":30}}}}
            """);
        var request = new LaneRequest("summarize", "", "x") { Provider = "gemini" };

        for (var i = 0; i < 3; i++)
            (await FluentActions.Awaiting(() => host.Lanes.CompleteAsync(request)).Should().ThrowAsync<ProviderException>())
                .Which.ErrorClass.Should().Be("server_error");
        gemini.RequestCount.Should().Be(3);

        var ex = (await FluentActions.Awaiting(() => host.Lanes.CompleteAsync(request)).Should().ThrowAsync<ProviderException>()).Which;

        ex.ErrorClass.Should().Be("circuit_open");
        ex.Message.Should().Contain("circuit open");
        gemini.RequestCount.Should().Be(3, "an open circuit sends nothing");
        host.LedgerLines().Last().Error.Should().Be("circuit_open");
    }

    [Fact]
    public async Task Open_circuit_makes_the_lane_fall_back_at_once()
    {
        await using var gemini = await FakeGemini.StartAsync();
        await using var deepseek = await FakeDeepSeek.StartAsync();
        gemini.FailAlways(FakeFault.Overloaded());
        using var host = Host(gemini: gemini, deepseek: deepseek, dmJson: """
            {"providers":{"gemini":{"maxRetries":1,"retryBaseDelayMs":10,
              "circuitBreaker":{"failureRatio":0.5,"minimumThroughput":2,"samplingSeconds":30,"breakSeconds":30}}}}
            """);

        await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "1"));
        var before = gemini.RequestCount;
        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "2"));

        r.Provider.Should().Be("deepseek");
        gemini.RequestCount.Should().Be(before);
        host.LedgerLines().Where(l => l.Provider == "gemini").Last().Error.Should().Be("circuit_open");
    }

    /// <summary>
    /// 12.6: the half-open recovery. After the break duration passes on the clock, one probe request goes through; its
    /// success closes the circuit and later calls flow again. Must survive: no request while open, exactly one probe,
    /// then normal traffic.
    /// </summary>
    [Fact]
    public async Task After_the_break_one_probe_goes_through_and_its_success_closes_the_circuit()
    {
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Reply("recovered").FailAlways(FakeFault.ServerError());
        var clock = new TestClock(OffPeakNoon, virtualTimers: true);
        using var host = VirtualHost(clock, gemini: gemini, dmJson: """
            {"providers":{"gemini":{"maxRetries":0,
              "circuitBreaker":{"failureRatio":0.5,"minimumThroughput":2,"samplingSeconds":30,"breakSeconds":30}}}}
            """);
        var request = new LaneRequest("summarize", "", "x") { Provider = "gemini" };
        for (var i = 0; i < 2; i++)
            await FluentActions.Awaiting(() => host.Lanes.CompleteAsync(request)).Should().ThrowAsync<ProviderException>();
        (await FluentActions.Awaiting(() => host.Lanes.CompleteAsync(request)).Should().ThrowAsync<ProviderException>())
            .Which.ErrorClass.Should().Be("circuit_open");
        gemini.RequestCount.Should().Be(2);

        gemini.FailAlways(null);
        clock.Advance(TimeSpan.FromSeconds(29));
        (await FluentActions.Awaiting(() => host.Lanes.CompleteAsync(request)).Should().ThrowAsync<ProviderException>())
            .Which.ErrorClass.Should().Be("circuit_open", "29 s of a 30 s break");
        gemini.RequestCount.Should().Be(2);

        clock.Advance(TimeSpan.FromSeconds(1));
        (await host.Lanes.CompleteAsync(request)).Text.Should().Be("recovered");
        gemini.RequestCount.Should().Be(3, "one probe in the half-open state");
        (await host.Lanes.CompleteAsync(request)).Text.Should().Be("recovered");
        gemini.RequestCount.Should().Be(4, "the probe's success closed the circuit");
    }
}
