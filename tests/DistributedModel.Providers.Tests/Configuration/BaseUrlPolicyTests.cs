using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using DistributedModel.Providers.Configuration;
using DistributedModel.Testing.Providers;

namespace DistributedModel.Providers.Tests.Configuration;

/// <summary>
/// Issue 11.2: keys go only to hosts the user chose. A second loopback fake stands in for "another host" named by the
/// repository's own .claude/dm.json. Must survive: the other host receives nothing (no key) unless the user allowed it in
/// ~/.claude/dm.json, the refusal says exactly why and how to allow it, and doctor's source names where the URL came from.
/// </summary>
public sealed class BaseUrlPolicyTests : ProviderTestBase
{
    private string UserConfig => Path.Combine(Workspace.Path, ".test-home", ".claude", "dm.json");

    private static string GeminiBaseUrl(string url) => "{\"providers\":{\"gemini\":{\"baseUrl\":\"" + url + "\"}}}";

    private void WriteUserConfig(string json)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(UserConfig)!);
        File.WriteAllText(UserConfig, json);
    }

    /// <summary>The key is set; the base URL comes only from the repository (no GEMINI_BASE_URL).</summary>
    private static Dictionary<string, string?> KeyOnly => new() { ["GEMINI_BASE_URL"] = null };

    [Fact]
    public async Task A_repository_base_url_for_a_host_the_user_did_not_allow_is_refused_and_gets_no_key()
    {
        await using var gemini = await FakeGemini.StartAsync();
        await using var otherHost = await FakeGemini.StartAsync();
        using var host = Host(gemini: gemini, keys: KeyOnly,
            dmJson: GeminiBaseUrl(otherHost.BaseUrl));

        var act = () => host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x") { Provider = "gemini" });

        var ex = (await act.Should().ThrowAsync<ProviderException>()).Which;
        ex.ErrorClass.Should().Be("base_url_refused");
        ex.Message.Should().Contain("a repository's configuration cannot choose where your GEMINI_API_KEY (or GOOGLE_API_KEY) goes")
            .And.Contain("add \"127.0.0.1\" to \"allowedBaseUrlHosts\" in " + UserConfig)
            .And.Contain("or set GEMINI_BASE_URL yourself");
        otherHost.RequestCount.Should().Be(0, "the user's key must not reach a host the repository chose");
        gemini.RequestCount.Should().Be(0);
        var line = host.LedgerLines().Single();
        (line.Outcome, line.Error).Should().Be(("refused", "base_url_refused"));
    }

    [Fact]
    public async Task A_host_the_user_allowed_in_user_scope_is_used_from_the_repository()
    {
        await using var otherHost = await FakeGemini.StartAsync();
        otherHost.Reply("from the gateway the user allowed");
        var port = new Uri(otherHost.BaseUrl).Port;
        WriteUserConfig("{\"allowedBaseUrlHosts\":[\"127.0.0.1:" + port + "\"]}");
        using var host = Host(gemini: otherHost, keys: KeyOnly,
            dmJson: GeminiBaseUrl(otherHost.BaseUrl));

        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x") { Provider = "gemini" });

        r.Text.Should().Be("from the gateway the user allowed");
        otherHost.LastRequest.Header("x-goog-api-key").Should().Be("test-gemini-key");
        var resolved = ProviderBaseUrls.Resolve(host.Paths, Config(otherHost)).Single(p => p.Provider == "gemini");
        resolved.Source.Should().Be($"providers.gemini.baseUrl in {host.Paths.ConfigFile} (host allowed in {UserConfig})");
        resolved.Refused.Should().BeNull();
    }

    [Fact]
    public async Task A_base_url_in_the_users_own_config_and_one_from_the_environment_need_no_allowing()
    {
        await using var userGateway = await FakeGemini.StartAsync();
        await using var envGateway = await FakeGemini.StartAsync();
        await using var otherHost = await FakeGemini.StartAsync();
        WriteUserConfig(GeminiBaseUrl(userGateway.BaseUrl));
        using (var host = Host(gemini: userGateway, keys: KeyOnly))
        {
            await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "x") { Provider = "gemini" });
            userGateway.RequestCount.Should().Be(1);
            ProviderBaseUrls.Resolve(host.Paths, Config(userGateway)).Single(p => p.Provider == "gemini").Source
                .Should().Be($"providers.gemini.baseUrl in {UserConfig}");
        }

        // The environment is the user's choice too, and wins over a repository's (refused) one.
        File.WriteAllText(Path.Combine(Workspace.Path, ".claude", "dm.json"), GeminiBaseUrl(otherHost.BaseUrl));
        using var envHost = Host(gemini: envGateway);
        await envHost.Lanes.CompleteAsync(new LaneRequest("summarize", "", "y") { Provider = "gemini" });
        envGateway.RequestCount.Should().Be(1);
        otherHost.RequestCount.Should().Be(0);
        ProviderBaseUrls.Resolve(envHost.Paths, Config(envGateway, envGateway.BaseUrl)).Single(p => p.Provider == "gemini").Source.Should().Be("GEMINI_BASE_URL");
    }

    [Theory]
    [InlineData("GEMINI_BASE_URL", "http://gateway.example.com")]
    [InlineData("OPENAI_BASE_URL", "http://10.0.0.5:8080/v1")]
    public void Plain_http_to_another_machine_is_refused_for_a_provider_that_sends_a_key(string variable, string url)
    {
        using var host = Host(keys: new Dictionary<string, string?> { [variable] = url, ["GEMINI_API_KEY"] = "k-1234", ["OPENAI_API_KEY"] = "k-5678" });

        host.Services.GetRequiredService<ProviderConfigurationProblems>().Items.Should().ContainSingle().Which.Should()
            .Contain($"{variable} '{url}").And.Contain("use https").And.NotContain("k-1234").And.NotContain("k-5678");
        var provider = variable.StartsWith("GEMINI", StringComparison.Ordinal) ? "gemini" : "openai";
        host.Services.GetRequiredService<DmProviderSettings>().Providers[provider].BaseUrl.Host.Should().NotBe(new Uri(url).Host,
            "the refused URL is never used: the vendor's default stays");
    }

    [Fact]
    public void Plain_http_is_fine_for_loopback_and_for_ollama_which_sends_no_key()
    {
        using var host = Host(keys: new Dictionary<string, string?> { ["OLLAMA_HOST"] = "http://gpu-box.lan:11434", ["GEMINI_BASE_URL"] = "http://localhost:8081" });

        var urls = ProviderBaseUrls.Resolve(host.Paths, ConfigFrom(new() { ["OLLAMA_HOST"] = "http://gpu-box.lan:11434", ["GEMINI_BASE_URL"] = "http://localhost:8081" }));

        urls.Single(u => u.Provider == "ollama").Url.Should().Be("http://gpu-box.lan:11434/");
        urls.Single(u => u.Provider == "gemini").Url.Should().Be("http://localhost:8081/");
    }

    private Microsoft.Extensions.Configuration.IConfiguration Config(FakeGemini gemini, string? geminiBaseUrl = null)
    {
        var values = ProviderTestHost.Environment(gemini, null, null, null, KeyOnly);
        if (geminiBaseUrl is not null) values["GEMINI_BASE_URL"] = geminiBaseUrl;
        values["HOME"] = Path.Combine(Workspace.Path, ".test-home");
        return new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private Microsoft.Extensions.Configuration.IConfiguration ConfigFrom(Dictionary<string, string?> overrides)
    {
        var values = ProviderTestHost.Environment(null, null, null, null, overrides);
        values["HOME"] = Path.Combine(Workspace.Path, ".test-home");
        return new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
