namespace DistributedModel.Cli.Doctor;

/// <summary>
/// The key and base-URL variable names of each provider, for <c>dm doctor</c>'s checks. Where requests actually go is
/// resolved by the provider library itself (<c>ProviderBaseUrls</c>): this class holds no URLs of its own.
/// </summary>
public static class ProviderEndpoints
{
    public sealed record Provider(string Name, string[] KeyVariables, string? BaseUrlVariable);

    public static IReadOnlyList<Provider> All { get; } =
    [
        new("gemini", ["GEMINI_API_KEY", "GOOGLE_API_KEY"], "GEMINI_BASE_URL"),
        new("openai", ["OPENAI_API_KEY"], "OPENAI_BASE_URL"),
        new("deepseek", ["DEEPSEEK_API_KEY"], "DEEPSEEK_BASE_URL"),
        new("ollama", [], "OLLAMA_HOST"),
    ];
}
