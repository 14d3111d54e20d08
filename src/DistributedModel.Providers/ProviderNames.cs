namespace DistributedModel.Providers;

/// <summary>Provider and lane names used in configuration, requests and the ledger.</summary>
public static class ProviderNames
{
    public const string Gemini = "gemini";
    public const string DeepSeek = "deepseek";
    public const string OpenAI = "openai";
    public const string Ollama = "ollama";

    public static IReadOnlyList<string> All { get; } = [Gemini, DeepSeek, OpenAI, Ollama];

    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
