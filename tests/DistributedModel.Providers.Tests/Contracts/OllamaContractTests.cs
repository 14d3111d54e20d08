using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Contracts;

/// <summary>The strict Ollama fake rejects what /api/chat rejects with <c>{"error":"…"}</c>. Must survive: 400 and the message.</summary>
public sealed class OllamaContractTests
{
    [Theory]
    [InlineData("""{"messages":[]}""", "model is required")]
    [InlineData("""{"model":"glm-4.7-flash","messages":[],"format":"yaml"}""", "invalid format: \"yaml\"; expected \"json\" or a JSON schema")]
    [InlineData("""{"model":"glm-4.7-flash","messages":[],"think":"max2"}""", "invalid think value: \"max2\"")]
    public async Task Requests_ollama_rejects_get_its_error(string json, string message)
    {
        await using var ollama = await FakeOllama.StartAsync();
        var (status, body) = await ContractProbe.PostAsync(ollama.BaseUrl + "/api/chat", json);

        status.Should().Be(400);
        body!["error"]!.GetValue<string>().Should().Be(message);
    }
}
