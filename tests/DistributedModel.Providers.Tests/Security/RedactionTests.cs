using DistributedModel.Providers.Security;
using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Security;

public sealed class RedactionTests : ProviderTestBase
{
    private const string OpenAIKey = "sk-proj-RECOGNISABLEfakeKEY0123456789";
    private const string GeminiKey = "AIzaRECOGNISABLE-gemini-fake-key-0123456789";
    private const string DeepSeekKey = "ds-RECOGNISABLE-deepseek-fake-key";

    [Fact]
    public async Task Keys_echoed_by_failing_providers_appear_in_no_exception_and_no_file_the_library_wrote()
    {
        await using var gemini = await FakeGemini.StartAsync();
        await using var deepseek = await FakeDeepSeek.StartAsync();
        await using var openai = await FakeOpenAI.StartAsync();
        // Providers echo (parts of) bad keys and request lines in their error text; make them echo everything.
        gemini.FailAlways(FakeFault.HttpStatus(400, "INVALID_ARGUMENT", $"API key not valid: {GeminiKey} (x-goog-api-key: {GeminiKey}, url ?key={GeminiKey})"));
        deepseek.FailAlways(FakeFault.HttpStatus(401, "authentication_error", $"Authentication Fails, your api key: {DeepSeekKey} is invalid"));
        openai.FailAlways(FakeFault.HttpStatus(401, "invalid_api_key", $"Incorrect API key provided: {OpenAIKey}. Header was Authorization: Bearer {OpenAIKey}"));
        using var host = Host(gemini: gemini, deepseek: deepseek, openai: openai, keys: new Dictionary<string, string?>
        {
            ["GEMINI_API_KEY"] = GeminiKey, ["DEEPSEEK_API_KEY"] = DeepSeekKey, ["OPENAI_API_KEY"] = OpenAIKey,
        });

        var ex = (await FluentActions.Awaiting(() => host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x")))
            .Should().ThrowAsync<ProviderException>()).Which;

        openai.LastRequest.Header("Authorization").Should().Be("Bearer " + OpenAIKey, "the real key must still be sent");
        var texts = new List<string> { ex.ToString() };
        texts.AddRange(ex.Failures.Select(f => f.Message));
        texts.AddRange(Directory.EnumerateFiles(Workspace.Path, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        texts.Should().HaveCountGreaterThan(3);
        foreach (var text in texts)
        {
            text.Should().NotContain("RECOGNISABLE");
        }
        ex.Message.Should().Contain("[REDACTED]");
    }

    [Theory]
    [InlineData("Authorization: Bearer abc.def-123", "Authorization: Bearer [REDACTED]")]
    [InlineData("\"authorization\":\"Bearer xyz\"", "\"authorization\":\"Bearer [REDACTED]\"")]
    [InlineData("x-goog-api-key: AIzaWhatever", "x-goog-api-key: [REDACTED]")]
    [InlineData("GET /v1beta/models/m:generateContent?key=secret123&alt=sse", "GET /v1beta/models/m:generateContent?key=[REDACTED]&alt=sse")]
    [InlineData("token sk-abcdefghijklmnopqrstuvwxyz here", "token [REDACTED] here")]
    [InlineData("the configured-secret-value leaked", "the [REDACTED] leaked")]
    [InlineData("nothing secret here", "nothing secret here")]
    public void Redactor_scrubs_headers_query_keys_key_shapes_and_configured_values(string input, string expected)
    {
        new Redactor(["configured-secret-value"]).Redact(input).Should().Be(expected);
    }
}
