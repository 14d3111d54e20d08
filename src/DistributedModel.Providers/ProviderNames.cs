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

/// <summary>The lanes the MCP server uses.</summary>
public static class LaneNames
{
    public const string Summarize = "summarize";
    public const string Scaffold = "scaffold";
    public const string Consult = "consult";
    public const string Tribunal = "tribunal";
    public const string Review = "review";

    public static IReadOnlyList<string> All { get; } = [Summarize, Scaffold, Consult, Tribunal, Review];
}
