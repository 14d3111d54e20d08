using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Contracts;

/// <summary>
/// The strict OpenAI fake rejects what the Responses API rejects, with OpenAI's error body. Must survive: 400, the
/// error type/param/code and the message naming the model's accepted efforts or the schema rule.
/// </summary>
public sealed class OpenAIContractTests
{
    [Fact]
    public async Task An_effort_the_model_does_not_take_is_400_unsupported_value_listing_the_accepted_ones()
    {
        await using var openai = await FakeOpenAI.StartAsync();
        var (status, body) = await ContractProbe.PostAsync(openai.ApiBaseUrl + "/responses",
            """{"model":"gpt-6.1-terra","input":"x","max_output_tokens":4096,"reasoning":{"effort":"minimal"}}""");

        status.Should().Be(400);
        var error = body!["error"]!;
        error["type"]!.GetValue<string>().Should().Be("invalid_request_error");
        error["param"]!.GetValue<string>().Should().Be("reasoning.effort");
        error["code"]!.GetValue<string>().Should().Be("unsupported_value");
        error["message"]!.GetValue<string>().Should().Be(
            "Unsupported value: 'minimal' is not supported with the 'gpt-6.1-terra' model. Supported values are: 'none', 'low', 'medium', 'high', 'xhigh', and 'max'.");
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}""", "O7-strict-additionalProperties")]
    [InlineData("""{"type":"object","additionalProperties":false,"properties":{"a":{"type":"string"},"b":{"type":"string"}},"required":["a"]}""", "O8-strict-required")]
    [InlineData("""{"type":"object","additionalProperties":false,"required":["o"],"properties":{"o":{"type":"array","items":{"type":"object","properties":{"x":{"type":"string"}},"required":["x"]}}}}""", "O7-strict-additionalProperties")]
    public async Task Strict_schemas_need_additionalProperties_false_and_every_property_required(string schema, string rule)
    {
        await using var openai = await FakeOpenAI.StartAsync();
        var (status, body) = await ContractProbe.PostAsync(openai.ApiBaseUrl + "/responses",
            """{"model":"gpt-6.1-terra","input":"x","text":{"format":{"type":"json_schema","name":"output","strict":true,"schema":""" + schema + "}}}");

        status.Should().Be(400);
        body!["error"]!["message"]!.GetValue<string>().Should().StartWith("Invalid schema for response_format 'output': In context=");
        openai.Rejections.Single().Rule.Should().Be(rule);
    }

    [Theory]
    [InlineData("""{"model":"gpt-6.1-terra","input":"x","max_output_tokens":8}""", "O3-max-output-tokens-min")]
    [InlineData("""{"model":"gpt-6.1-terra","input":"x","temperature":0.2,"reasoning":{"effort":"low"}}""", "O5-temperature")]
    [InlineData("""{"model":"gpt-6.1-terra","input":"x","text":{"format":{"type":"json_object"}}}""", "O6-json-word")]
    [InlineData("""{"model":"gpt-6.1-terra","input":"x","max_tokens":100}""", "O1-unknown-parameter")]
    [InlineData("""{"model":"gpt-6-astra","input":"x","reasoning":{"effort":"none"}}""", "O4-effort-per-model")]
    [InlineData("""{"input":"x"}""", "O2-required")]
    public async Task Other_requests_the_api_rejects(string json, string rule)
    {
        await using var openai = await FakeOpenAI.StartAsync();
        var (status, _) = await ContractProbe.PostAsync(openai.ApiBaseUrl + "/responses", json);

        status.Should().Be(400);
        openai.Rejections.Single().Rule.Should().Be(rule);
    }
}
