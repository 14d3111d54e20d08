using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Contracts;

/// <summary>
/// The strict Gemini fake rejects what generateContent rejects, with Google's 400 INVALID_ARGUMENT body. Must survive:
/// the status, the "INVALID_ARGUMENT" status string, the rule's wording and the field it names.
/// </summary>
public sealed class GeminiContractTests
{
    private static async Task<(int, System.Text.Json.Nodes.JsonNode?)> Post(FakeGemini g, string model, string body) =>
        await ContractProbe.PostAsync($"{g.BaseUrl}/v1beta/models/{model}:generateContent", body);

    /// <summary>The body today's GeminiClient sent for the opinion schema (defect 13.1): rejected as the real API does.</summary>
    [Fact]
    public async Task The_old_request_with_additionalProperties_in_responseSchema_is_400_unknown_name()
    {
        await using var gemini = await FakeGemini.StartAsync();
        var (status, body) = await Post(gemini, "gemini-3.8-flash", """
            {"contents":[{"role":"user","parts":[{"text":"case"}]}],
             "generationConfig":{"maxOutputTokens":4096,"responseMimeType":"application/json",
               "responseSchema":{"type":"object","additionalProperties":false,"properties":{"verdict":{"type":"string"}}}}}
            """);

        status.Should().Be(400);
        body!["error"]!["status"]!.GetValue<string>().Should().Be("INVALID_ARGUMENT");
        body["error"]!["message"]!.GetValue<string>().Should()
            .Be("Invalid JSON payload received. Unknown name \"additionalProperties\" at 'generation_config.response_schema': Cannot find field.");
        body["error"]!["details"]![0]!["fieldViolations"]![0]!["field"]!.GetValue<string>().Should().Be("generation_config.response_schema");
        gemini.Rejections.Single().Rule.Should().Be("G4-responseSchema-subset");
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"n":{"type":["string","null"]}}}""", "G5-responseSchema-type")]
    [InlineData("""{"$schema":"http://json-schema.org/draft-07/schema#","type":"object"}""", "G4-responseSchema-subset")]
    public async Task Json_schema_only_keywords_in_responseSchema_are_rejected(string schema, string rule)
    {
        await using var gemini = await FakeGemini.StartAsync();
        var (status, _) = await Post(gemini, "gemini-3.8-flash",
            $$$"""{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"responseMimeType":"application/json","responseSchema":{{{schema}}}}}""");

        status.Should().Be(400);
        gemini.Rejections.Single().Rule.Should().Be(rule);
    }

    [Theory]
    [InlineData("gemini-3.8-flash", """{"thinkingLevel":"low","thinkingBudget":0}""", "G7-thinking-level-and-budget")]
    [InlineData("gemini-2.5-flash-lite", """{"thinkingLevel":"low"}""", "G8-level-on-2.5")]
    [InlineData("gemini-3.8-flash", """{"thinkingLevel":"minimal"}""", "G9-thinking-level-value")]
    public async Task Thinking_config_the_model_does_not_take_is_rejected(string model, string thinking, string rule)
    {
        await using var gemini = await FakeGemini.StartAsync();
        var (status, body) = await Post(gemini, model, $$$"""{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"thinkingConfig":{{{thinking}}}}}""");

        status.Should().Be(400);
        body!["error"]!["code"]!.GetValue<int>().Should().Be(400);
        gemini.Rejections.Single().Rule.Should().Be(rule);
    }

    [Fact]
    public async Task Unknown_fields_and_both_schema_fields_are_rejected_and_a_full_json_schema_is_accepted()
    {
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Reply("{}");

        (await Post(gemini, "gemini-3.8-flash", """{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"max_tokens":5}}""")).Item1.Should().Be(400);
        (await Post(gemini, "gemini-3.8-flash", """{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"responseMimeType":"application/json","responseSchema":{"type":"object"},"responseJsonSchema":{"type":"object"}}}""")).Item1.Should().Be(400);
        (await Post(gemini, "gemini-3.8-flash", """{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"responseMimeType":"application/json","responseJsonSchema":{"type":"object","additionalProperties":false,"properties":{"n":{"type":["string","null"]}}}}}""")).Item1.Should().Be(200);

        gemini.Rejections.Select(r => r.Rule).Should().Equal("G1-unknown-field", "G3-schema-exclusive");
    }
}
