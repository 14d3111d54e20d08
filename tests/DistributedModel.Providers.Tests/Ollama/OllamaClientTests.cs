using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Ollama;

public sealed class OllamaClientTests : ProviderTestBase
{
    [Fact]
    public async Task Sends_native_api_chat_without_streaming_or_thinking_and_with_num_ctx()
    {
        await using var ollama = await FakeOllama.StartAsync();
        ollama.Reply(r => $"reviewed {r.UserPrompt}");
        ollama.Usage = new FakeUsage(640, 32);
        using var host = Host(ollama: ollama);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("review", "you review code", "diff") { JsonOutput = true });

        r.Text.Should().Be("reviewed diff");
        r.Provider.Should().Be("ollama");
        r.Model.Should().Be("glm-4.7-flash");
        r.Usage.Should().Be(new TokenUsage(640, 32, 0, 0));
        r.CostUsd.Should().Be(0m, "local models cost nothing");

        var req = ollama.LastRequest;
        req.Path.Should().Be("/api/chat");
        req.Header("Authorization").Should().BeNull("local Ollama needs no key");
        req.SystemPrompt.Should().Be("you review code");
        var json = req.Json!;
        json["model"]!.GetValue<string>().Should().Be("glm-4.7-flash");
        json["stream"]!.GetValue<bool>().Should().BeFalse();
        json["think"]!.GetValue<bool>().Should().BeFalse();
        json["format"]!.GetValue<string>().Should().Be("json");
        json["options"]!["num_ctx"]!.GetValue<int>().Should().Be(32768);
        json["options"]!["num_predict"]!.GetValue<int>().Should().Be(4096);
    }

    [Fact]
    public async Task Json_schema_is_sent_as_format_object_and_num_ctx_is_configurable()
    {
        await using var ollama = await FakeOllama.StartAsync();
        using var host = Host(ollama: ollama, dmJson: """{"providers":{"ollama":{"numCtx":65536,"model":"qwen3:8b"}}}""");

        await host.Lanes.CompleteAsync(new LaneRequest("review", "", "x") { JsonSchema = """{"type":"object"}""" });

        var json = ollama.LastRequest.Json!;
        json["model"]!.GetValue<string>().Should().Be("qwen3:8b");
        json["format"]!["type"]!.GetValue<string>().Should().Be("object");
        json["options"]!["num_ctx"]!.GetValue<int>().Should().Be(65536);
    }

    [Fact]
    public async Task Per_request_delay_of_the_fake_is_applied()
    {
        await using var ollama = await FakeOllama.StartAsync();
        ollama.Delay(r => r.UserPrompt == "slow" ? TimeSpan.FromMilliseconds(300) : TimeSpan.Zero);
        using var host = Host(ollama: ollama);

        await host.Lanes.CompleteAsync(new LaneRequest("review", "", "warm-up"));
        var fast = await host.Lanes.CompleteAsync(new LaneRequest("review", "", "fast"));
        var slow = await host.Lanes.CompleteAsync(new LaneRequest("review", "", "slow"));

        slow.Latency.Should().BeGreaterThan(TimeSpan.FromMilliseconds(280));
        fast.Latency.Should().BeLessThan(slow.Latency);
    }
}
