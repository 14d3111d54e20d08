using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Contracts;

/// <summary>The strict DeepSeek fake rejects what /chat/completions rejects. Must survive: the status and DeepSeek's message.</summary>
public sealed class DeepSeekContractTests
{
    [Theory]
    [InlineData("""{"model":"deepseek-flash","messages":[{"role":"user","content":"list files"}],"response_format":{"type":"json_object"}}""", 400,
        "Prompt must contain the word 'json' in some form to use 'response_format' of type 'json_object'.")]
    [InlineData("""{"model":"deepseek-flash","messages":[{"role":"user","content":"json"}],"response_format":{"type":"json_schema"}}""", 400,
        "This response_format type is unavailable now")]
    [InlineData("""{"model":"deepseek-flash","messages":[{"role":"user","content":"x"}],"reasoning_effort":"none"}""", 400, "Invalid reasoning_effort: \"none\"")]
    [InlineData("""{"model":"deepseek-flash","messages":[{"role":"user","content":"x"}],"max_tokens":500000}""", 422,
        "Invalid max_tokens value, the valid range of max_tokens is [1, 384000]")]
    [InlineData("""{"model":"deepseek-flash","messages":[]}""", 400, "Missing required parameter: 'messages'")]
    public async Task Requests_deepseek_rejects_get_its_error(string json, int expectedStatus, string message)
    {
        await using var deepseek = await FakeDeepSeek.StartAsync();
        var (status, body) = await ContractProbe.PostAsync(deepseek.BaseUrl + "/chat/completions", json);

        status.Should().Be(expectedStatus);
        body!["error"]!["message"]!.GetValue<string>().Should().Be(message);
        body["error"]!["type"]!.GetValue<string>().Should().Be("invalid_request_error");
    }

    [Fact]
    public async Task Json_mode_with_the_word_json_in_the_system_prompt_is_accepted()
    {
        await using var deepseek = await FakeDeepSeek.StartAsync();
        var (status, _) = await ContractProbe.PostAsync(deepseek.BaseUrl + "/chat/completions",
            """{"model":"deepseek-flash","messages":[{"role":"system","content":"Respond with a single JSON object only."},{"role":"user","content":"x"}],"response_format":{"type":"json_object"},"thinking":{"type":"disabled"}}""");

        status.Should().Be(200);
        deepseek.Rejections.Should().BeEmpty();
    }
}
