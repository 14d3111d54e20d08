using System.Diagnostics;
using DistributedModel.Testing;
using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Resilience;

public sealed class RetryTests : ProviderTestBase
{
    private const string ThreeRetries = """{"providers":{"gemini":{"maxRetries":3,"retryBaseDelayMs":10},"deepseek":{"maxRetries":3,"retryBaseDelayMs":10},"openai":{"maxRetries":3,"retryBaseDelayMs":10}}}""";

    [Fact]
    public async Task Retries_429_500_and_503_then_succeeds_and_counts_every_attempt()
    {
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Reply("finally").Enqueue(FakeFault.RateLimited(), FakeFault.ServerError(), FakeFault.Overloaded());
        using var host = Host(gemini: gemini, dmJson: ThreeRetries);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x"));

        r.Text.Should().Be("finally");
        r.Attempts.Should().Be(4);
        gemini.RequestCount.Should().Be(4);
        host.LedgerLines().Single().Attempts.Should().Be(4);
    }

    /// <summary>
    /// The retry waits exactly Retry-After's 1 s (not the 10 ms back-off), on the clock: the second request is not sent
    /// until the test moves the clock by that second. No real sleep (it took 2 s when the pipeline ran on real time).
    /// </summary>
    [Fact]
    public async Task Retry_After_header_is_honoured()
    {
        await using var deepseek = await FakeDeepSeek.StartAsync();
        deepseek.Enqueue(FakeFault.RateLimited(retryAfter: "1"));
        var clock = new TestClock(OffPeakNoon, virtualTimers: true);
        using var host = VirtualHost(clock, deepseek: deepseek, dmJson: ThreeRetries);

        var call = host.Lanes.CompleteAsync(new LaneRequest("scaffold", "", "x"));
        var wait = await clock.NextTimerAsync(d => d < TimeSpan.FromSeconds(30));

        wait.Should().Be(TimeSpan.FromSeconds(1), "the 10 ms back-off must yield to Retry-After: 1");
        deepseek.RequestCount.Should().Be(1, "the retry waits for the clock");
        clock.Advance(wait);
        var r = await call;
        r.Attempts.Should().Be(2);
        deepseek.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task Gemini_body_retryDelay_is_honoured()
    {
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Enqueue(FakeFault.GeminiRetryDelay("0.6s"));
        var clock = new TestClock(OffPeakNoon, virtualTimers: true);
        using var host = VirtualHost(clock, gemini: gemini, dmJson: ThreeRetries);

        var call = host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x"));
        var wait = await clock.NextTimerAsync(d => d < TimeSpan.FromSeconds(30));

        wait.Should().Be(TimeSpan.FromMilliseconds(600));
        gemini.RequestCount.Should().Be(1);
        clock.Advance(wait);
        (await call).Attempts.Should().Be(2);
    }

    [Fact]
    public async Task Retry_hint_longer_than_the_accepted_wait_is_not_waited_for_and_the_lane_falls_back()
    {
        await using var gemini = await FakeGemini.StartAsync();
        await using var deepseek = await FakeDeepSeek.StartAsync();
        gemini.FailAlways(FakeFault.GeminiRetryDelay("45.8s"));
        using var host = Host(gemini: gemini, deepseek: deepseek,
            dmJson: """{"providers":{"gemini":{"maxRetries":3,"retryBaseDelayMs":10,"maxRetryAfterSeconds":2}}}""");

        var sw = Stopwatch.StartNew();
        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x"));

        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        gemini.RequestCount.Should().Be(1);
        r.Provider.Should().Be("deepseek");
        host.LedgerLines()[0].Detail.Should().Contain("asked to wait 45.8s");
    }

    [Theory]
    [InlineData("gemini-per-day-quota", "quota_exhausted")]
    [InlineData("openai-insufficient-quota", "quota_exhausted")]
    [InlineData("deepseek-402", "insufficient_balance")]
    [InlineData("context-too-long", "context_too_long")]
    [InlineData("bad-request", "bad_request")]
    [InlineData("unauthorized", "auth")]
    public async Task Non_retryable_errors_are_sent_once_and_reported(string fault, string expectedClass)
    {
        await using var gemini = await FakeGemini.StartAsync();
        await using var deepseek = await FakeDeepSeek.StartAsync();
        await using var openai = await FakeOpenAI.StartAsync();
        var (fake, provider, f) = fault switch
        {
            "gemini-per-day-quota" => ((FakeProviderServer)gemini, "gemini", FakeFault.GeminiRetryDelay("1s", perDayQuota: true)),
            "openai-insufficient-quota" => (openai, "openai", FakeFault.InsufficientQuota()),
            "deepseek-402" => (deepseek, "deepseek", FakeFault.InsufficientBalance()),
            "context-too-long" => (openai, "openai", FakeFault.ContextTooLong()),
            "bad-request" => (deepseek, "deepseek", FakeFault.HttpStatus(400, "invalid_request_error", "Invalid parameter: messages")),
            _ => (gemini, "gemini", FakeFault.HttpStatus(401, "UNAUTHENTICATED", "API key not valid")),
        };
        fake.FailAlways(f);
        using var host = Host(gemini: gemini, deepseek: deepseek, openai: openai, dmJson: ThreeRetries);

        var act = () => host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x") { Provider = provider });

        var ex = (await act.Should().ThrowAsync<ProviderException>()).Which;
        ex.ErrorClass.Should().Be(expectedClass);
        ex.Provider.Should().Be(provider);
        ex.Message.Should().Contain("not retried").And.Contain(provider);
        fake.RequestCount.Should().Be(1);
        var line = host.LedgerLines().Single();
        line.Outcome.Should().Be("error");
        line.Error.Should().Be(expectedClass);
        line.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task Connection_abort_is_retried()
    {
        await using var openai = await FakeOpenAI.StartAsync();
        openai.Reply("ok").Enqueue(FakeFault.ConnectionAbort());
        using var host = Host(openai: openai, dmJson: ThreeRetries);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x"));

        r.Text.Should().Be("ok");
        r.Attempts.Should().Be(2);
    }

    [Fact]
    public async Task Malformed_json_gives_a_clear_error_and_the_lane_falls_back()
    {
        await using var gemini = await FakeGemini.StartAsync();
        await using var deepseek = await FakeDeepSeek.StartAsync();
        gemini.FailAlways(FakeFault.MalformedJson());
        deepseek.Reply("from deepseek");
        using var host = Host(gemini: gemini, deepseek: deepseek);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x"));

        r.Text.Should().Be("from deepseek");
        r.FallbackFrom.Should().Be("gemini");
        var first = host.LedgerLines()[0];
        first.Error.Should().Be("malformed_response");
        first.Detail.Should().Contain("not JSON");
    }

    /// <summary>
    /// The first attempt is abandoned when the 1.5 s attempt timeout passes on the clock (the fake would answer after 20 s
    /// of real time) and the retry answers. Must survive: two attempts, the answer of the second; no real 1.5 s wait.
    /// </summary>
    [Fact]
    public async Task Slow_first_byte_past_the_attempt_timeout_is_retried()
    {
        await using var ollama = await FakeOllama.StartAsync();
        var clock = new TestClock(OffPeakNoon, virtualTimers: true);
        using var host = VirtualHost(clock, ollama: ollama, dmJson: """
            {"providers":{"ollama":{"maxRetries":1,"retryBaseDelayMs":10}},
             "lanes":{"review":{"attemptTimeoutSeconds":1.5,"totalTimeoutSeconds":8}}}
            """);
        ollama.Reply("second try").Enqueue(FakeFault.SlowFirstByte(TimeSpan.FromSeconds(20)));

        var call = host.Lanes.CompleteAsync(new LaneRequest("review", "", "x"));
        await ollama.WaitForRequestsAsync(1);
        clock.Advance(TimeSpan.FromSeconds(1.5));
        var backoff = await clock.NextTimerAsync(d => d < TimeSpan.FromSeconds(1));
        clock.Advance(backoff);
        var r = await call;

        r.Text.Should().Be("second try");
        r.Attempts.Should().Be(2);
    }

    /// <summary>
    /// Attempts of 0.5 s each under a 1.2 s total timeout, on the clock: the call fails with "timeout" once 1.2 s have
    /// passed on it, however many retries were left. Must survive: the class, the total named, at most three attempts.
    /// </summary>
    [Fact]
    public async Task A_hanging_provider_cannot_hold_a_call_past_the_total_timeout()
    {
        await using var ollama = await FakeOllama.StartAsync();
        ollama.Delay(TimeSpan.FromSeconds(30));
        var clock = new TestClock(OffPeakNoon, virtualTimers: true);
        using var host = VirtualHost(clock, ollama: ollama, dmJson: """
            {"providers":{"ollama":{"maxRetries":5,"retryBaseDelayMs":10}},
             "lanes":{"review":{"attemptTimeoutSeconds":0.5,"totalTimeoutSeconds":1.2}}}
            """);

        var call = host.Lanes.CompleteAsync(new LaneRequest("review", "", "x"));
        for (var attempt = 1; !call.IsCompleted && attempt <= 5; attempt++)
        {
            await ollama.WaitForRequestsAsync(attempt);
            clock.Advance(TimeSpan.FromSeconds(0.5));
            var backoff = clock.NextTimerAsync(d => d < TimeSpan.FromSeconds(0.5));
            if (await Task.WhenAny(call, backoff) == backoff) clock.Advance(await backoff);
        }

        var ex = (await FluentActions.Awaiting(() => call).Should().ThrowAsync<ProviderException>()).Which;
        ex.ErrorClass.Should().Be("timeout");
        ex.Message.Should().Contain("total 1.2s");
        ollama.RequestCount.Should().BeLessThanOrEqualTo(3, "0.5 s attempts cannot start a fourth within 1.2 s");
    }

    /// <summary>Defect 13.5: OpenAI's retry-after-ms is the wait (it wins over Retry-After, as in the official SDKs).</summary>
    [Fact]
    public async Task Retry_after_ms_is_honoured_before_retry_after()
    {
        await using var openai = await FakeOpenAI.StartAsync();
        openai.Reply("after the wait").Enqueue(FakeFault.RateLimitedMs("250", retryAfter: "20"));
        var clock = new TestClock(OffPeakNoon, virtualTimers: true);
        using var host = VirtualHost(clock, openai: openai, dmJson: ThreeRetries);

        var call = host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x"));
        var wait = await clock.NextTimerAsync(d => d < TimeSpan.FromSeconds(60));

        wait.Should().Be(TimeSpan.FromMilliseconds(250), "retry-after-ms, not Retry-After's 20 s");
        clock.Advance(wait);
        var r = await call;
        r.Text.Should().Be("after the wait");
        r.Attempts.Should().Be(2);
    }

    /// <summary>Defect 13.5: x-should-retry overrides the status rule both ways.</summary>
    [Fact]
    public async Task X_should_retry_false_stops_a_retry_and_true_forces_one()
    {
        await using var openai = await FakeOpenAI.StartAsync();
        openai.Enqueue(FakeFault.WithShouldRetry(503, false));
        using var host = Host(openai: openai, dmJson: ThreeRetries);

        var act = () => host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x") { Provider = "openai" });
        (await act.Should().ThrowAsync<ProviderException>()).Which.ErrorClass.Should().Be("overloaded");
        openai.RequestCount.Should().Be(1, "x-should-retry: false on a 503");

        openai.ClearRequests();
        openai.Reply("forced retry answered").Enqueue(FakeFault.WithShouldRetry(409, true));
        var r = await host.Lanes.CompleteAsync(new LaneRequest("consult", "", "y") { Provider = "openai" });
        r.Text.Should().Be("forced retry answered");
        r.Attempts.Should().Be(2, "x-should-retry: true on a 409");
    }

    /// <summary>A 200 whose body stops halfway (the connection drops) is retried like any broken connection.</summary>
    [Fact]
    public async Task A_body_cut_off_mid_transfer_is_retried()
    {
        await using var deepseek = await FakeDeepSeek.StartAsync();
        deepseek.Reply("complete").Enqueue(FakeFault.TruncatedBody());
        using var host = Host(deepseek: deepseek, dmJson: ThreeRetries);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("scaffold", "", "x"));

        r.Text.Should().Be("complete");
        deepseek.RequestCount.Should().Be(2);
    }
}
