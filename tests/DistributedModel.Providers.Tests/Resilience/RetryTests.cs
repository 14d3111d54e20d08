using System.Diagnostics;
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

    [Fact]
    public async Task Retry_After_header_is_honoured()
    {
        await using var deepseek = await FakeDeepSeek.StartAsync();
        deepseek.Enqueue(FakeFault.RateLimited(retryAfter: "1"));
        using var host = Host(deepseek: deepseek, dmJson: ThreeRetries);

        var sw = Stopwatch.StartNew();
        var r = await host.Lanes.CompleteAsync(new LaneRequest("scaffold", "", "x"));

        r.Attempts.Should().Be(2);
        sw.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(950), "the 10 ms back-off must yield to Retry-After: 1");
    }

    [Fact]
    public async Task Gemini_body_retryDelay_is_honoured()
    {
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Enqueue(FakeFault.GeminiRetryDelay("0.6s"));
        using var host = Host(gemini: gemini, dmJson: ThreeRetries);

        var sw = Stopwatch.StartNew();
        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x"));

        r.Attempts.Should().Be(2);
        sw.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(550));
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

    [Fact]
    public async Task Slow_first_byte_past_the_attempt_timeout_is_retried()
    {
        await using var ollama = await FakeOllama.StartAsync();
        using var host = Host(ollama: ollama, dmJson: """
            {"providers":{"ollama":{"maxRetries":1,"retryBaseDelayMs":10}},
             "lanes":{"review":{"attemptTimeoutSeconds":1.5,"totalTimeoutSeconds":8}}}
            """);
        await host.Lanes.CompleteAsync(new LaneRequest("review", "", "warm-up")); // JIT and connection, off the clock
        ollama.Reply("second try").Enqueue(FakeFault.SlowFirstByte(TimeSpan.FromSeconds(20)));

        var sw = Stopwatch.StartNew();
        var r = await host.Lanes.CompleteAsync(new LaneRequest("review", "", "x"));

        r.Text.Should().Be("second try");
        r.Attempts.Should().Be(2);
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(6), "the first attempt is abandoned after 1.5 s, not 20 s");
    }

    [Fact]
    public async Task A_hanging_provider_cannot_hold_a_call_past_the_total_timeout()
    {
        await using var ollama = await FakeOllama.StartAsync();
        ollama.Delay(TimeSpan.FromSeconds(30));
        using var host = Host(ollama: ollama, dmJson: """
            {"providers":{"ollama":{"maxRetries":5,"retryBaseDelayMs":10}},
             "lanes":{"review":{"attemptTimeoutSeconds":0.5,"totalTimeoutSeconds":1.2}}}
            """);

        var sw = Stopwatch.StartNew();
        var act = () => host.Lanes.CompleteAsync(new LaneRequest("review", "", "x"));

        var ex = (await act.Should().ThrowAsync<ProviderException>()).Which;
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(4), "the fake would hold the call for 30 s");
        ex.ErrorClass.Should().Be("timeout");
        ex.Message.Should().Contain("total 1.2s");
    }

    /// <summary>Defect 13.5: OpenAI's retry-after-ms is the wait (it wins over Retry-After, as in the official SDKs).</summary>
    [Fact]
    public async Task Retry_after_ms_is_honoured_before_retry_after()
    {
        await using var openai = await FakeOpenAI.StartAsync();
        openai.Reply("after the wait").Enqueue(FakeFault.RateLimitedMs("250", retryAfter: "20"));
        using var host = Host(openai: openai, dmJson: ThreeRetries);

        var sw = Stopwatch.StartNew();
        var r = await host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x"));

        r.Text.Should().Be("after the wait");
        r.Attempts.Should().Be(2);
        sw.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(240)).And.BeLessThan(TimeSpan.FromSeconds(10), "250 ms, not Retry-After's 20 s");
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
