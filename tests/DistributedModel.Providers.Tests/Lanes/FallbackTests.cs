using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Lanes;

public sealed class FallbackTests : ProviderTestBase
{
    [Fact]
    public async Task Failing_provider_falls_back_to_the_next_and_the_ledger_records_fallback_from()
    {
        await using var gemini = await FakeGemini.StartAsync();
        await using var deepseek = await FakeDeepSeek.StartAsync();
        gemini.FailAlways(FakeFault.ServerError());
        deepseek.Reply("from deepseek");
        using var host = Host(gemini: gemini, deepseek: deepseek);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x"));

        r.Provider.Should().Be("deepseek");
        r.FallbackUsed.Should().BeTrue();
        r.FallbackFrom.Should().Be("gemini");
        var lines = host.LedgerLines();
        lines.Should().HaveCount(2);
        lines[0].Should().BeEquivalentTo(new { Provider = "gemini", Outcome = "error", Error = "server_error", Attempts = 3, FallbackFrom = (string?)null });
        lines[1].Should().BeEquivalentTo(new { Provider = "deepseek", Outcome = "ok", FallbackFrom = "gemini", Attempts = 1 });
    }

    [Fact]
    public async Task Provider_without_key_is_skipped_with_a_refused_line_naming_the_variable()
    {
        await using var deepseek = await FakeDeepSeek.StartAsync();
        using var host = Host(deepseek: deepseek);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x"));

        r.Provider.Should().Be("deepseek");
        r.FallbackFrom.Should().Be("gemini");
        var skipped = host.LedgerLines()[0];
        skipped.Should().BeEquivalentTo(new { Provider = "gemini", Outcome = "refused", Error = "no_key", Attempts = 0 });
        skipped.Detail.Should().Contain("GEMINI_API_KEY (or GOOGLE_API_KEY) is not set");
    }

    [Fact]
    public async Task Pinned_provider_without_key_fails_with_the_reason_in_the_message()
    {
        await using var gemini = await FakeGemini.StartAsync();
        using var host = Host(gemini: gemini);

        var act = () => host.Lanes.CompleteAsync(new LaneRequest("tribunal", "", "x") { Provider = "deepseek" });

        var ex = (await act.Should().ThrowAsync<ProviderException>()).Which;
        ex.ErrorClass.Should().Be("no_key");
        ex.Provider.Should().Be("deepseek");
        ex.Message.Should().Contain("DEEPSEEK_API_KEY is not set");
        gemini.RequestCount.Should().Be(0, "a pinned call never falls back");
    }

    [Fact]
    public async Task When_every_provider_fails_the_message_lists_each_reason()
    {
        using var host = Host(); // no keys, Ollama unreachable

        var act = () => host.Lanes.CompleteAsync(new LaneRequest("scaffold", "", "x"));

        var ex = (await act.Should().ThrowAsync<ProviderException>()).Which;
        ex.ErrorClass.Should().Be("all_failed");
        ex.Message.Should().Contain("deepseek → gemini → ollama")
            .And.Contain("DEEPSEEK_API_KEY is not set")
            .And.Contain("GEMINI_API_KEY (or GOOGLE_API_KEY) is not set")
            .And.Contain("ollama").And.Contain("cannot reach");
        ex.Failures.Select(f => f.ErrorClass).Should().Equal("no_key", "no_key", "network");
        host.LedgerLines().Select(l => l.Outcome).Should().Equal("refused", "refused", "error");
    }

    [Fact]
    public async Task Lane_chain_and_model_come_from_dm_json()
    {
        await using var gemini = await FakeGemini.StartAsync();
        await using var ollama = await FakeOllama.StartAsync();
        using var host = Host(gemini: gemini, ollama: ollama, dmJson: """
            {"lanes":{"summarize":{"chain":["ollama","gemini"],"models":{"ollama":"qwen3:4b"},"maxOutputTokens":300}}}
            """);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x"));

        r.Provider.Should().Be("ollama");
        r.Model.Should().Be("qwen3:4b");
        ollama.LastRequest.Json!["options"]!["num_predict"]!.GetValue<int>().Should().Be(300);
        gemini.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task Daily_budget_cap_refuses_with_a_message_naming_the_cap()
    {
        await using var openai = await FakeOpenAI.StartAsync();
        openai.Usage = new FakeUsage(100_000, 10_000); // 0.1 + 0.05 = 0.15 USD on gpt-6.1-terra
        using var host = Host(openai: openai, dmJson: """{"budgets":{"consult":0.20}}""");

        await host.Lanes.CompleteAsync(new LaneRequest("consult", "", "first"));
        await host.Lanes.CompleteAsync(new LaneRequest("consult", "", "second")); // 0.15 spent, still under 0.20
        var act = () => host.Lanes.CompleteAsync(new LaneRequest("consult", "", "third"));

        var ex = (await act.Should().ThrowAsync<ProviderException>()).Which;
        ex.ErrorClass.Should().Be("budget_exceeded");
        ex.Message.Should().Contain("$0.20").And.Contain("budgets.consult").And.Contain("$0.3000 spent today");
        openai.RequestCount.Should().Be(2);
        host.LedgerLines().Last().Should().BeEquivalentTo(new { Outcome = "refused", Error = "budget_exceeded", Lane = "consult" });

        Clock.Advance(TimeSpan.FromDays(1));
        (await host.Lanes.CompleteAsync(new LaneRequest("consult", "", "next day"))).Provider.Should().Be("openai");
    }

    [Fact]
    public async Task Unknown_pinned_provider_is_an_argument_error()
    {
        using var host = Host();

        var act = () => host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x") { Provider = "claude" });

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("gemini, deepseek, openai, ollama");
    }
}
