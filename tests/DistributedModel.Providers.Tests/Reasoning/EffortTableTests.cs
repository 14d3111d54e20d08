using DistributedModel.Providers.Reasoning;
using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Reasoning;

/// <summary>
/// Defect 13.5 and "What to build" 3: every effort value, for every provider and the current model families, is mapped to
/// one the model takes. Must survive: no strict-fake rejection for any combination, and the specific mappings asserted.
/// </summary>
public sealed class EffortTableTests : ProviderTestBase
{
    public static TheoryData<string, string> ProviderModels() => new()
    {
        { "openai", "gpt-6.1-terra" }, { "openai", "gpt-6-astra" }, { "openai", "gpt-5.6-luna" }, { "openai", "o3" },
        { "gemini", "gemini-3.8-flash" }, { "gemini", "gemini-3.5-flash" }, { "gemini", "gemini-2.5-flash-lite" },
        { "deepseek", "deepseek-flash" }, { "ollama", "glm-4.7-flash" },
    };

    [Theory]
    [MemberData(nameof(ProviderModels))]
    public async Task Every_effort_and_no_effort_pass_the_strict_fake(string provider, string model)
    {
        await using var gemini = await FakeGemini.StartAsync();
        await using var deepseek = await FakeDeepSeek.StartAsync();
        await using var openai = await FakeOpenAI.StartAsync();
        await using var ollama = await FakeOllama.StartAsync();
        using var host = Host(gemini, deepseek, openai, ollama);

        foreach (var effort in EffortTable.Names.Append(null))
            await host.Lanes.CompleteAsync(new LaneRequest("consult", "s", "u") { Provider = provider, Model = model, ReasoningEffort = effort });

        new FakeProviderServer[] { gemini, deepseek, openai, ollama }.SelectMany(f => f.Rejections).Should().BeEmpty();
        host.LedgerLines().Should().HaveCount(EffortTable.Names.Count + 1).And.OnlyContain(l => l.Outcome == "ok");
    }

    [Theory]
    [InlineData("gpt-6.1-terra", "minimal", "low")]
    [InlineData("gpt-6.1-terra", null, "none")]
    [InlineData("gpt-6-astra", "none", "low")]
    [InlineData("gpt-6-astra", null, "low")]
    [InlineData("o3", "max", "high")]
    [InlineData("o3", "xhigh", "high")]
    [InlineData("gpt-5.6-sol", "xhigh", "xhigh")]
    public void OpenAI_efforts_map_to_the_nearest_the_model_takes(string model, string? requested, string sent) =>
        EffortTable.OpenAI(model, requested).Should().Be(sent);

    [Theory]
    [InlineData("xhigh", "high")]   // DeepSeek runs xhigh as high; "max" would only cost more
    [InlineData("medium", "high")]
    [InlineData("minimal", "low")]
    [InlineData("max", "max")]
    [InlineData("none", null)]
    [InlineData(null, null)]
    public void DeepSeek_gets_the_effort_it_actually_runs(string? requested, string? sent) =>
        EffortTable.DeepSeek(requested).Should().Be(sent);

    [Fact]
    public async Task DeepSeek_xhigh_is_sent_as_high_with_thinking_enabled()
    {
        await using var deepseek = await FakeDeepSeek.StartAsync();
        using var host = Host(deepseek: deepseek);

        await host.Lanes.CompleteAsync(new LaneRequest("scaffold", "", "x") { ReasoningEffort = "xhigh" });

        var json = deepseek.LastRequest.Json!;
        json["reasoning_effort"]!.GetValue<string>().Should().Be("high");
        json["thinking"]!["type"]!.GetValue<string>().Should().Be("enabled");
    }

    [Fact]
    public async Task An_unknown_effort_is_refused_before_any_request()
    {
        await using var openai = await FakeOpenAI.StartAsync();
        using var host = Host(openai: openai);

        var act = () => host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x") { ReasoningEffort = "extreme" });

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("'extreme' is not an effort").And.Contain("xhigh");
        openai.RequestCount.Should().Be(0);
    }
}
