using System.Text.Json;
using DistributedModel.Core.Workspace;
using DistributedModel.Providers;
using DistributedModel.Providers.Ledger;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using DistributedModel.Core.Ledger;

namespace DistributedModel.Testing.Providers;

/// <summary>
/// Builds the real provider library (<see cref="ILaneClient"/>) pointed at the given fakes, with the given keys,
/// in a workspace folder — never at real providers, never reading the machine's API keys.
/// <code>
/// await using var gemini = await FakeGemini.StartAsync();
/// gemini.Reply(req => "summary");
/// using var host = ProviderTestHost.Create(workspaceRoot, gemini: gemini);
/// var answer = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "sys", "text"));
/// </code>
/// Each given fake gets a key (<c>test-&lt;provider&gt;-key</c>) unless <c>keys</c> says otherwise (null/"" = not set);
/// providers without a fake have no key, and Ollama without a fake points at a closed port. When
/// <c>dmJson</c> is null and the workspace has no <c>.claude/dm.json</c>, <see cref="FastRetriesDmJson"/> is written.
/// </summary>
public sealed class ProviderTestHost : IDisposable
{
    /// <summary>Fast retries (20 ms base delay, 2 retries) so fault tests stay quick; lanes keep their defaults.</summary>
    public const string FastRetriesDmJson = """
        {"providers": {
          "gemini":   {"maxRetries": 2, "retryBaseDelayMs": 20},
          "deepseek": {"maxRetries": 2, "retryBaseDelayMs": 20},
          "openai":   {"maxRetries": 2, "retryBaseDelayMs": 20},
          "ollama":   {"maxRetries": 1, "retryBaseDelayMs": 20}
        }}
        """;

    private ProviderTestHost(ServiceProvider services, WorkspacePaths paths)
    {
        Services = services;
        Paths = paths;
        Lanes = services.GetRequiredService<ILaneClient>();
    }

    public ServiceProvider Services { get; }

    public WorkspacePaths Paths { get; }

    public ILaneClient Lanes { get; }

    public static ProviderTestHost Create(string workspaceRoot, FakeGemini? gemini = null, FakeDeepSeek? deepseek = null,
        FakeOpenAI? openai = null, FakeOllama? ollama = null, IReadOnlyDictionary<string, string?>? keys = null,
        string? dmJson = null, TimeProvider? clock = null)
    {
        var paths = new WorkspacePaths(workspaceRoot);
        Directory.CreateDirectory(paths.ClaudeDir);
        if (dmJson is not null) File.WriteAllText(paths.ConfigFile, dmJson);
        else if (!File.Exists(paths.ConfigFile)) File.WriteAllText(paths.ConfigFile, FastRetriesDmJson);

        var values = Environment(gemini, deepseek, openai, ollama, keys);
        // The user's scope (~/.claude/dm.json) is a folder of the test's own, never the machine's.
        if (!values.ContainsKey("HOME")) values["HOME"] = Path.Combine(workspaceRoot, ".test-home");
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        if (clock is not null) services.AddSingleton(clock); // the one clock: ledger, prices, retries, breaker, timeouts
        services.AddDistributedModelProviders(paths, config);
        return new ProviderTestHost(services.BuildServiceProvider(), paths);
    }

    /// <summary>The configuration values (env variable names) the host passes to the library.</summary>
    public static Dictionary<string, string?> Environment(FakeGemini? gemini, FakeDeepSeek? deepseek, FakeOpenAI? openai,
        FakeOllama? ollama, IReadOnlyDictionary<string, string?>? keys = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["GEMINI_API_KEY"] = gemini is null ? "" : "test-gemini-key",
            ["GOOGLE_API_KEY"] = "",
            ["DEEPSEEK_API_KEY"] = deepseek is null ? "" : "test-deepseek-key",
            ["OPENAI_API_KEY"] = openai is null ? "" : "test-openai-key",
            ["GEMINI_BASE_URL"] = gemini?.BaseUrl ?? "http://127.0.0.1:9",
            ["DEEPSEEK_BASE_URL"] = deepseek?.BaseUrl ?? "http://127.0.0.1:9",
            ["OPENAI_BASE_URL"] = openai?.ApiBaseUrl ?? "http://127.0.0.1:9/v1",
            ["OLLAMA_HOST"] = ollama?.BaseUrl ?? "http://127.0.0.1:9",
        };
        if (keys is not null)
            foreach (var (k, v) in keys) values[k] = v ?? "";
        return values;
    }

    /// <summary>Every ledger line written so far, parsed.</summary>
    public IReadOnlyList<LedgerRecord> LedgerLines()
    {
        if (!File.Exists(Paths.Ledger)) return [];
        return File.ReadAllLines(Paths.Ledger)
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize(l, LedgerJsonContext.Default.LedgerRecord)!)
            .ToList();
    }

    public void Dispose() => Services.Dispose();
}
