using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Lanes;

/// <summary>
/// Defect 13.2: a cut answer (Gemini MAX_TOKENS, DeepSeek length, OpenAI incomplete/max_output_tokens, Ollama done_reason
/// length) is never returned as an answer. It is retried once with twice the output budget; when the lane allows no
/// retry, or the retry is cut too, the chain falls back. Must survive: the half answer never reaches the caller, the
/// budgets sent (n, then 2n), the ledger's "truncated" line before the answer's.
/// </summary>
public sealed class TruncationTests : ProviderTestBase
{
    [Theory]
    [InlineData("gemini")]
    [InlineData("deepseek")]
    [InlineData("openai")]
    [InlineData("ollama")]
    public async Task A_truncated_answer_is_retried_once_with_twice_the_output_budget(string provider)
    {
        await using var gemini = await FakeGemini.StartAsync();
        await using var deepseek = await FakeDeepSeek.StartAsync();
        await using var openai = await FakeOpenAI.StartAsync();
        await using var ollama = await FakeOllama.StartAsync();
        FakeProviderServer fake = provider switch { "gemini" => gemini, "deepseek" => deepseek, "openai" => openai, _ => ollama };
        fake.Reply("the whole answer, every line of it").Enqueue(FakeFault.TruncatedAnswer());
        using var host = Host(gemini, deepseek, openai, ollama);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x") { Provider = provider, MaxOutputTokens = 1000 });

        r.Text.Should().Be("the whole answer, every line of it");
        r.RetriedWithMaxOutputTokens.Should().Be(2000);
        fake.Requests.Select(Budget).Should().Equal(1000, 2000);
        var lines = host.LedgerLines();
        lines.Select(l => (l.Outcome, l.Error)).Should().Equal(("error", "truncated"), ("ok", null));
        lines[0].Detail.Should().Contain("retrying with maxOutputTokens 2000");

        int Budget(RecordedRequest q) => (provider switch
        {
            "gemini" => q.Json!["generationConfig"]!["maxOutputTokens"],
            "deepseek" => q.Json!["max_tokens"],
            "openai" => q.Json!["max_output_tokens"],
            _ => q.Json!["options"]!["num_predict"],
        })!.GetValue<int>();
    }

    [Fact]
    public async Task When_the_lane_allows_no_retry_a_truncated_answer_falls_back_and_never_returns_the_half()
    {
        await using var gemini = await FakeGemini.StartAsync();
        await using var deepseek = await FakeDeepSeek.StartAsync();
        gemini.Reply("gemini's answer cut in half").FailAlways(FakeFault.TruncatedAnswer());
        deepseek.Reply("deepseek's whole answer");
        using var host = Host(gemini: gemini, deepseek: deepseek, dmJson: """{"lanes":{"summarize":{"truncationRetryMaxOutputTokens":0}}}""");

        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x"));

        r.Text.Should().Be("deepseek's whole answer");
        r.FallbackFrom.Should().Be("gemini");
        gemini.RequestCount.Should().Be(1);
        host.LedgerLines()[0].Error.Should().Be("truncated");
        host.LedgerLines()[0].Detail.Should().Contain("MAX_TOKENS");
    }

    [Fact]
    public async Task Truncated_twice_on_the_only_provider_fails_with_the_truncated_class()
    {
        await using var openai = await FakeOpenAI.StartAsync();
        openai.FailAlways(FakeFault.TruncatedAnswer());
        using var host = Host(openai: openai);

        var act = () => host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x") { Provider = "openai", MaxOutputTokens = 4096 });

        var ex = (await act.Should().ThrowAsync<ProviderException>()).Which;
        ex.ErrorClass.Should().Be("truncated");
        ex.Message.Should().Contain("max_output_tokens 8192");
        host.LedgerLines().Should().HaveCount(2).And.OnlyContain(l => l.Error == "truncated");
    }

    [Fact]
    public async Task Ollama_silently_truncating_the_prompt_is_caught_and_not_retried_with_a_larger_output_budget()
    {
        await using var ollama = await FakeOllama.StartAsync();
        ollama.Reply("an answer about the end of the prompt only").Enqueue(FakeFault.PromptTruncated());
        using var host = Host(ollama: ollama);
        var prompt = string.Join('\n', Enumerable.Range(1, 800).Select(i => $"src/Module{i}.cs(12,5): warning CS8618: Non-nullable field 'x{i}'"));

        var act = () => host.Lanes.CompleteAsync(new LaneRequest("review", "", prompt));

        var ex = (await act.Should().ThrowAsync<ProviderException>()).Which;
        ex.ErrorClass.Should().Be("truncated");
        ex.Message.Should().Contain("prompt silently truncated").And.Contain("OLLAMA_CONTEXT_LENGTH");
        ollama.RequestCount.Should().Be(1);
    }
}
