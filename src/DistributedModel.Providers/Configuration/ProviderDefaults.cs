using DistributedModel.Providers.Pricing;
using DistributedModel.Core.Lanes;

namespace DistributedModel.Providers.Configuration;

/// <summary>
/// Compiled-in defaults. Model ids are dated: checked against the providers' model lists on <see cref="ModelsAsOf"/>
/// (OpenAI o1/o3-mini/o4-mini shut down 2026-10-23, o3 and the gpt-5 family shut down 2026-12-11; DeepSeek
/// deepseek-chat/-reasoner retired 2026-07-24; Gemini 2.0-flash shut down 2026-06-01, 2.5-flash shut down 2026-12-01).
/// </summary>
internal static class ProviderDefaults
{
    public const string ModelsAsOf = "2026-12-03";

    public const string GeminiModel = "gemini-3.8-flash";      // newest Flash, released 2026-09-02
    public const string DeepSeekModel = "deepseek-flash";      // V4.1, released 2026-09-10
    public const string OpenAIModel = "gpt-6.1-terra";         // reasoning model, successor of the o-series
    public const string OllamaModel = "glm-4.7-flash";         // local 30B-A3B

    public static Dictionary<string, ProviderSettings> Providers() => new(StringComparer.Ordinal)
    {
        [ProviderNames.Gemini] = new()
        {
            Name = ProviderNames.Gemini, BaseUrlVariable = "GEMINI_BASE_URL", KeyVariable = "GEMINI_API_KEY (or GOOGLE_API_KEY)",
            BaseUrl = new Uri("https://generativelanguage.googleapis.com"), DefaultModel = GeminiModel,
        },
        [ProviderNames.DeepSeek] = new()
        {
            Name = ProviderNames.DeepSeek, BaseUrlVariable = "DEEPSEEK_BASE_URL", KeyVariable = "DEEPSEEK_API_KEY",
            BaseUrl = new Uri("https://api.deepseek.com"), DefaultModel = DeepSeekModel,
        },
        [ProviderNames.OpenAI] = new()
        {
            Name = ProviderNames.OpenAI, BaseUrlVariable = "OPENAI_BASE_URL", KeyVariable = "OPENAI_API_KEY",
            BaseUrl = new Uri("https://api.openai.com/v1"), DefaultModel = OpenAIModel,
        },
        [ProviderNames.Ollama] = new()
        {
            Name = ProviderNames.Ollama, BaseUrlVariable = "OLLAMA_HOST", KeyVariable = "OLLAMA_HOST", RequiresKey = false,
            BaseUrl = new Uri("http://localhost:11434"), DefaultModel = OllamaModel, MaxRetries = 1,
        },
    };

    public static Dictionary<string, LaneSettings> Lanes() => new(StringComparer.Ordinal)
    {
        [LaneNames.Summarize] = Lane(LaneNames.Summarize, 30, 90, 2048, null, ProviderNames.Gemini, ProviderNames.DeepSeek, ProviderNames.Ollama),
        [LaneNames.Scaffold] = Lane(LaneNames.Scaffold, 90, 240, 8192, null, ProviderNames.DeepSeek, ProviderNames.Gemini, ProviderNames.Ollama),
        [LaneNames.Consult] = Lane(LaneNames.Consult, 300, 600, 16384, "medium", ProviderNames.OpenAI, ProviderNames.Gemini, ProviderNames.DeepSeek),
        [LaneNames.Tribunal] = Lane(LaneNames.Tribunal, 300, 600, 16384, "medium", ProviderNames.Gemini, ProviderNames.DeepSeek, ProviderNames.OpenAI),
        [LaneNames.Review] = Lane(LaneNames.Review, 120, 300, 4096, null, ProviderNames.Ollama),
    };

    /// <summary>Used for a lane name that is not configured.</summary>
    public static LaneSettings OtherLane(string name) =>
        Lane(name, 60, 180, 4096, null, ProviderNames.Gemini, ProviderNames.DeepSeek, ProviderNames.OpenAI, ProviderNames.Ollama);

    private static LaneSettings Lane(string name, int attemptSeconds, int totalSeconds, int maxOut, string? effort, params string[] chain) => new()
    {
        Name = name, Chain = chain, AttemptTimeout = TimeSpan.FromSeconds(attemptSeconds),
        TotalTimeout = TimeSpan.FromSeconds(totalSeconds), MaxOutputTokens = maxOut, ReasoningEffort = effort,
    };

    /// <summary>Orchestrator list price used for <c>baseline_usd</c>: Claude Opus 5 (5 / 0.50 / 25 USD per 1M).</summary>
    public static ModelPrice Baseline { get; } = new(5.00m, 0.50m, 25.00m, new DateOnly(2026, 10, 1));
}
