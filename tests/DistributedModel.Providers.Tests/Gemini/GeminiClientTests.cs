using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Gemini;

public sealed class GeminiClientTests : ProviderTestBase
{
    [Fact]
    public async Task Sends_native_generateContent_with_key_header_and_reads_text_without_thoughts()
    {
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Reply(r => "echo:" + r.UserPrompt);
        gemini.Usage = new FakeUsage(1000, 300, Reasoning: 100, Cached: 200);
        using var host = Host(gemini: gemini);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "be brief", "hello") { JsonOutput = true, MaxOutputTokens = 512 });

        r.Text.Should().Be("echo:hello");
        r.Provider.Should().Be("gemini");
        r.Model.Should().Be("gemini-3.8-flash");
        r.FallbackUsed.Should().BeFalse();
        r.Attempts.Should().Be(1);
        r.Usage.Should().Be(new TokenUsage(Input: 1000, Output: 300, Reasoning: 100, Cached: 200));

        var req = gemini.LastRequest;
        req.Path.Should().Be("/v1beta/models/gemini-3.8-flash:generateContent");
        req.Header("x-goog-api-key").Should().Be("test-gemini-key");
        req.Header("Authorization").Should().BeNull();
        req.Query.Should().NotContain("key=");
        var json = req.Json!;
        json["systemInstruction"]!["parts"]![0]!["text"]!.GetValue<string>().Should().Be("be brief");
        json["contents"]![0]!["role"]!.GetValue<string>().Should().Be("user");
        json["generationConfig"]!["responseMimeType"]!.GetValue<string>().Should().Be("application/json");
        json["generationConfig"]!["maxOutputTokens"]!.GetValue<int>().Should().Be(512);
        json["generationConfig"]!["thinkingConfig"]!["thinkingLevel"]!.GetValue<string>().Should().Be("low",
            "the summarize lane needs no reasoning: 3.8 Flash's lowest level, not its medium default (defect 13.3)");
        json["generationConfig"]!["temperature"].Should().BeNull("Gemini 3 must keep its default temperature");
    }

    [Fact]
    public async Task Reasoning_effort_becomes_thinkingLevel_on_3x_and_thinkingBudget_on_2_5()
    {
        await using var gemini = await FakeGemini.StartAsync();
        using var host = Host(gemini: gemini);

        await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "a") { Provider = "gemini", ReasoningEffort = "high" });
        var cfg3 = gemini.LastRequest.Json!["generationConfig"]!["thinkingConfig"]!;
        cfg3["thinkingLevel"]!.GetValue<string>().Should().Be("high");
        cfg3["thinkingBudget"].Should().BeNull();

        await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "b") { Provider = "gemini", Model = "gemini-2.5-flash-lite", ReasoningEffort = "low" });
        gemini.LastRequest.Path.Should().Be("/v1beta/models/gemini-2.5-flash-lite:generateContent");
        var cfg25 = gemini.LastRequest.Json!["generationConfig"]!["thinkingConfig"]!;
        cfg25["thinkingBudget"]!.GetValue<int>().Should().Be(1024);
        cfg25["thinkingLevel"].Should().BeNull();
    }

    /// <summary>
    /// Defect 13.3: with no effort, thinking is explicit and lowest — thinkingBudget 0 on 2.5 Flash-Lite — so thinking cannot
    /// eat the summarize lane's 2,048-token answer. Must survive: the budget 0, no thinkingLevel, no rejection.
    /// </summary>
    [Fact]
    public async Task Without_an_effort_gemini_2_5_gets_thinkingBudget_0()
    {
        await using var gemini = await FakeGemini.StartAsync();
        using var host = Host(gemini: gemini);

        await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x") { Provider = "gemini", Model = "gemini-2.5-flash-lite" });

        var cfg = gemini.LastRequest.Json!["generationConfig"]!["thinkingConfig"]!;
        cfg["thinkingBudget"]!.GetValue<int>().Should().Be(0);
        cfg["thinkingLevel"].Should().BeNull();
        gemini.Rejections.Should().BeEmpty();
    }

    /// <summary>
    /// Defect 13.1: the opinion schema (additionalProperties:false, a nullable "type" list) must reach Gemini as
    /// responseJsonSchema; as responseSchema the strict fake (like the real API) answers 400 INVALID_ARGUMENT.
    /// Must survive: the answer, the schema unchanged under responseJsonSchema, no responseSchema, no contract rejection.
    /// </summary>
    [Fact]
    public async Task Json_schema_is_sent_as_responseJsonSchema_and_the_strict_fake_accepts_it()
    {
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Reply("{\"verdict\":\"AFFIRM\",\"note\":null}");
        using var host = Host(gemini: gemini);
        const string schema = """
            {"type":"object","additionalProperties":false,"required":["verdict","note"],
             "properties":{"verdict":{"type":"string","enum":["AFFIRM","REVERSE"]},"note":{"type":["string","null"]}}}
            """;

        var r = await host.Lanes.CompleteAsync(new LaneRequest("tribunal", "judge", "case") { Provider = "gemini", JsonSchema = schema });

        r.Text.Should().Be("{\"verdict\":\"AFFIRM\",\"note\":null}");
        gemini.Rejections.Should().BeEmpty();
        var cfg = gemini.LastRequest.Json!["generationConfig"]!;
        cfg["responseMimeType"]!.GetValue<string>().Should().Be("application/json");
        cfg["responseSchema"].Should().BeNull();
        cfg["responseJsonSchema"]!["additionalProperties"]!.GetValue<bool>().Should().BeFalse();
        cfg["responseJsonSchema"]!["properties"]!["note"]!["type"]![1]!.GetValue<string>().Should().Be("null");
    }
}
