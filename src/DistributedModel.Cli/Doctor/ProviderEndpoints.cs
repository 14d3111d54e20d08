using System.Text.Json.Nodes;

namespace DistributedModel.Cli.Doctor;

/// <summary>
/// Provider base URLs and key variables the way the provider library resolves them: environment first
/// (GEMINI_BASE_URL, OPENAI_BASE_URL, DEEPSEEK_BASE_URL, OLLAMA_HOST), then <c>.claude/dm.json</c> <c>providers.&lt;name&gt;.baseUrl</c>, then the public default.
/// </summary>
public static class ProviderEndpoints
{
    public sealed record Provider(string Name, string[] KeyVariables, string? BaseUrlVariable, string DefaultBaseUrl);

    public static IReadOnlyList<Provider> All { get; } =
    [
        new("gemini", ["GEMINI_API_KEY", "GOOGLE_API_KEY"], "GEMINI_BASE_URL", "https://generativelanguage.googleapis.com"),
        new("openai", ["OPENAI_API_KEY"], "OPENAI_BASE_URL", "https://api.openai.com"),
        new("deepseek", ["DEEPSEEK_API_KEY"], "DEEPSEEK_BASE_URL", "https://api.deepseek.com"),
        new("ollama", [], "OLLAMA_HOST", "http://127.0.0.1:11434"),
    ];

    public static string BaseUrl(Provider p, Func<string, string?> env, JsonObject? config)
    {
        if (p.BaseUrlVariable is { } v && env(v) is { Length: > 0 } fromEnv) return Normalize(fromEnv);
        if (config?["providers"]?[p.Name]?["baseUrl"] is JsonValue val && val.TryGetValue<string>(out var s) && s.Length > 0) return Normalize(s);
        return p.DefaultBaseUrl;
    }

    private static string Normalize(string url) => url.Contains("://", StringComparison.Ordinal) ? url.TrimEnd('/') : "http://" + url.TrimEnd('/');
}
