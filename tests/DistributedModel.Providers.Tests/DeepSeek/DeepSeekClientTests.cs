using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.DeepSeek;

public sealed class DeepSeekClientTests : ProviderTestBase
{
    [Fact]
    public async Task Sends_chat_completions_with_bearer_key_thinking_disabled_and_json_mode()
    {
        await using var deepseek = await FakeDeepSeek.StartAsync();
        deepseek.Reply("{\"files\":[]}");
        deepseek.Usage = new FakeUsage(Input: 2000, Output: 500, Reasoning: 0, Cached: 1500);
        using var host = Host(deepseek: deepseek);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("scaffold", "write code", "make a class") { JsonOutput = true });

        r.Text.Should().Be("{\"files\":[]}");
        r.Provider.Should().Be("deepseek");
        r.Model.Should().Be("deepseek-flash");
        r.Usage.Should().Be(new TokenUsage(2000, 500, 0, 1500));
        // off-peak .15/.003/.60: 500×.15 + 1500×.003 + 500×.60 = 379.5 µ$
        r.CostUsd.Should().Be(0.0003795m);

        var req = deepseek.LastRequest;
        req.Path.Should().Be("/chat/completions");
        req.Header("Authorization").Should().Be("Bearer test-deepseek-key");
        var json = req.Json!;
        json["model"]!.GetValue<string>().Should().Be("deepseek-flash");
        json["thinking"]!["type"]!.GetValue<string>().Should().Be("disabled");
        json["response_format"]!["type"]!.GetValue<string>().Should().Be("json_object");
        json["max_tokens"]!.GetValue<int>().Should().Be(8192);
        json["messages"]![0]!["role"]!.GetValue<string>().Should().Be("system");
        req.SystemPrompt.Should().StartWith("write code").And.Contain("JSON", "DeepSeek JSON mode needs the word json in the prompt");
        req.UserPrompt.Should().Be("make a class");
    }

    [Fact]
    public async Task Reasoning_effort_enables_thinking_and_reasoning_tokens_are_reported()
    {
        await using var deepseek = await FakeDeepSeek.StartAsync();
        deepseek.Usage = new FakeUsage(100, 900, Reasoning: 800);
        using var host = Host(deepseek: deepseek);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("scaffold", "", "x") { ReasoningEffort = "medium" });

        r.Usage.Reasoning.Should().Be(800);
        var json = deepseek.LastRequest.Json!;
        json["thinking"]!["type"]!.GetValue<string>().Should().Be("enabled");
        json["reasoning_effort"]!.GetValue<string>().Should().Be("high");
        json["response_format"].Should().BeNull();
    }

    [Fact]
    public async Task Whitespace_only_content_is_an_empty_response_error()
    {
        await using var deepseek = await FakeDeepSeek.StartAsync();
        deepseek.Reply("   ");
        using var host = Host(deepseek: deepseek);

        var act = () => host.Lanes.CompleteAsync(new LaneRequest("scaffold", "", "x") { Provider = "deepseek", JsonOutput = true });

        (await act.Should().ThrowAsync<ProviderException>()).Which.ErrorClass.Should().Be("empty_response");
    }
}
