using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.OpenAI;

public sealed class OpenAIClientTests : ProviderTestBase
{
    [Fact]
    public async Task Sends_responses_api_request_with_effort_and_json_schema_and_reads_output_text()
    {
        await using var openai = await FakeOpenAI.StartAsync();
        openai.Reply("{\"verdict\":\"MODIFY\"}");
        openai.Usage = new FakeUsage(Input: 10_000, Output: 3_000, Reasoning: 2_500, Cached: 4_000);
        using var host = Host(openai: openai);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("consult", "you are a reviewer", "decide")
        {
            JsonSchema = """{"type":"object","properties":{"verdict":{"type":"string"}},"required":["verdict"],"additionalProperties":false}""",
        });

        r.Text.Should().Be("{\"verdict\":\"MODIFY\"}");
        r.Provider.Should().Be("openai");
        r.Model.Should().Be("gpt-6.1-terra");
        r.Usage.Should().Be(new TokenUsage(10_000, 3_000, 2_500, 4_000));
        // gpt-6.1-terra 1/.05/5: 6000×1 + 4000×.05 + 3000×5 = 21200 µ$
        r.CostUsd.Should().Be(0.0212m);

        var req = openai.LastRequest;
        req.Path.Should().Be("/v1/responses");
        req.Header("Authorization").Should().Be("Bearer test-openai-key");
        var json = req.Json!;
        json["model"]!.GetValue<string>().Should().Be("gpt-6.1-terra");
        json["instructions"]!.GetValue<string>().Should().Be("you are a reviewer");
        json["input"]!.GetValue<string>().Should().Be("decide");
        json["reasoning"]!["effort"]!.GetValue<string>().Should().Be("medium", "the consult lane defaults to medium effort");
        json["max_output_tokens"]!.GetValue<int>().Should().Be(16384);
        json["temperature"].Should().BeNull("reasoning models reject temperature");
        json["store"]!.GetValue<bool>().Should().BeFalse();
        var format = json["text"]!["format"]!;
        format["type"]!.GetValue<string>().Should().Be("json_schema");
        format["strict"]!.GetValue<bool>().Should().BeTrue();
        format["schema"]!["required"]![0]!.GetValue<string>().Should().Be("verdict");
    }

    [Fact]
    public async Task Request_effort_and_model_override_apply_when_pinned()
    {
        await using var openai = await FakeOpenAI.StartAsync();
        using var host = Host(openai: openai);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x") { Provider = "openai", Model = "gpt-6.1-sol", ReasoningEffort = "high", MaxOutputTokens = 4 });

        r.Model.Should().Be("gpt-6.1-sol");
        var json = openai.LastRequest.Json!;
        json["model"]!.GetValue<string>().Should().Be("gpt-6.1-sol");
        json["reasoning"]!["effort"]!.GetValue<string>().Should().Be("high");
        json["max_output_tokens"]!.GetValue<int>().Should().Be(16, "the Responses API needs at least 16");
    }
}
