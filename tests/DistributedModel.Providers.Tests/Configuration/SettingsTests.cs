using DistributedModel.Core.Workspace;
using DistributedModel.Providers.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DistributedModel.Providers.Tests.Configuration;

public sealed class SettingsTests : ProviderTestBase
{
    private static readonly Dictionary<string, string?> NoKeys = new()
    {
        ["GEMINI_API_KEY"] = "", ["GOOGLE_API_KEY"] = "", ["DEEPSEEK_API_KEY"] = "", ["OPENAI_API_KEY"] = "", ["OLLAMA_HOST"] = "",
        ["GEMINI_BASE_URL"] = "", ["DEEPSEEK_BASE_URL"] = "", ["OPENAI_BASE_URL"] = "",
    };

    private DmProviderSettings Load(string? dmJson, Dictionary<string, string?>? values = null)
    {
        if (dmJson is not null) Workspace.Write(".claude/dm.json", dmJson);
        var all = new Dictionary<string, string?>(NoKeys);
        foreach (var (k, v) in values ?? []) all[k] = v;
        return DmSettingsLoader.Load(new WorkspacePaths(Workspace.Path), new ConfigurationBuilder().AddInMemoryCollection(all).Build());
    }

    [Fact]
    public void Defaults_without_dm_json_have_the_dated_models_and_lane_chains()
    {
        var s = Load(null);

        s.Providers["gemini"].DefaultModel.Should().Be("gemini-3.8-flash");
        s.Providers["deepseek"].DefaultModel.Should().Be("deepseek-flash");
        s.Providers["openai"].DefaultModel.Should().Be("gpt-6.1-terra");
        s.Providers["ollama"].DefaultModel.Should().Be("glm-4.7-flash");
        s.Providers["ollama"].BaseUrl.Should().Be(new Uri("http://localhost:11434"));
        s.Lane("summarize").Chain.Should().Equal("gemini", "deepseek", "ollama");
        s.Lane("scaffold").Chain.Should().Equal("deepseek", "gemini", "ollama");
        s.Lane("consult").Chain.Should().Equal("openai", "gemini", "deepseek");
        s.Lane("tribunal").Chain.Should().Equal("gemini", "deepseek", "openai");
        s.Lane("review").Chain.Should().Equal("ollama");
        s.Lane("consult").TotalTimeout.Should().BeGreaterThan(s.Lane("summarize").TotalTimeout, "reasoning lanes get minutes, summaries less");
        s.Providers.Values.Where(p => p.RequiresKey).Should().OnlyContain(p => !p.HasKey);
    }

    [Fact]
    public void Google_api_key_is_accepted_for_gemini_and_environment_base_urls_win()
    {
        var s = Load("""{"providers":{"deepseek":{"baseUrl":"https://file.example"}}}""", new()
        {
            ["GOOGLE_API_KEY"] = "g", ["DEEPSEEK_BASE_URL"] = "https://env.example", ["OLLAMA_HOST"] = "0.0.0.0:11500",
        });

        s.Providers["gemini"].HasKey.Should().BeTrue();
        s.Providers["deepseek"].BaseUrl.Should().Be(new Uri("https://env.example"));
        s.Providers["ollama"].BaseUrl.Should().Be(new Uri("http://127.0.0.1:11500"));
    }

    [Theory]
    [InlineData("gpu-box", "http://gpu-box:11434/")]
    [InlineData("http://gpu-box:8080", "http://gpu-box:8080/")]
    [InlineData("127.0.0.1:11434", "http://127.0.0.1:11434/")]
    public void Ollama_host_forms_are_normalised(string value, string expected)
    {
        DmSettingsLoader.NormaliseOllamaHost(value).Should().Be(expected);
    }

    [Fact]
    public void Every_problem_in_dm_json_is_reported_at_start_with_its_path()
    {
        var act = () => Load("""
            {"lanes": {"summarize": {"chain": ["gemni", "ollama"], "attemptTimeoutSeconds": 60, "totalTimeoutSeconds": 10}},
             "providers": {"openai": {"maxRetries": "three"}, "anthropic": {}},
             "budgets": {"consult": -1}}
            """);

        var message = act.Should().Throw<InvalidOperationException>().Which.Message;
        message.Should().Contain("dm.json")
            .And.Contain("lanes.summarize.chain[0]: 'gemni' is not a provider; use one of gemini, deepseek, openai, ollama")
            .And.Contain("lanes.summarize: totalTimeoutSeconds (10) must be at least attemptTimeoutSeconds (60)")
            .And.Contain("providers.openai.maxRetries: expected a number")
            .And.Contain("providers.anthropic: unknown provider")
            .And.Contain("budgets.consult: expected a number between 0");
    }

    [Fact]
    public void Malformed_dm_json_names_the_line_and_the_way_out()
    {
        var act = () => Load("{\n  \"lanes\": {\n    \"summarize\": [\"gemini\",, ]\n}");

        act.Should().Throw<InvalidOperationException>().Which.Message
            .Should().Contain("not valid JSON (line 3").And.Contain("delete the file to use the defaults");
    }

    [Fact]
    public void Invalid_base_url_from_the_environment_is_reported()
    {
        var act = () => Load(null, new() { ["OPENAI_BASE_URL"] = "api.openai.com/v1" });

        act.Should().Throw<InvalidOperationException>().Which.Message.Should().Contain("OPENAI_BASE_URL 'api.openai.com/v1' is not an http(s) URL");
    }

    [Fact]
    public void Registration_with_an_invalid_value_reports_it_and_keeps_the_default_so_the_host_still_starts()
    {
        Workspace.Write(".claude/dm.json", """{"lanes":{"review":{"chain":[]}, "summarize":{"chain":["gemni"]}}}""");
        var services = new ServiceCollection();

        services.AddDistributedModelProviders(new WorkspacePaths(Workspace.Path),
            new ConfigurationBuilder().AddInMemoryCollection(NoKeys).Build());

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<ProviderConfigurationProblems>().Items.Should().HaveCount(2)
            .And.Contain(p => p.Contains("lanes.review.chain: the chain is empty", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("lanes.summarize.chain[0]: 'gemni' is not a provider", StringComparison.Ordinal));
        var settings = provider.GetRequiredService<DmProviderSettings>();
        settings.Lane("review").Chain.Should().NotBeEmpty();
        settings.Lane("summarize").Chain.Should().Equal(ProviderDefaults.Lanes()["summarize"].Chain);
    }
}
