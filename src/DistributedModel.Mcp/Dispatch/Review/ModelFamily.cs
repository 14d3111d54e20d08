namespace DistributedModel.Mcp.Dispatch.Review;

/// <summary>
/// Which model family (vendor lineage) a provider/model pair belongs to. Reviewers must not share the writer's family,
/// so that a model does not grade its own kind of mistakes.
/// </summary>
public static class ModelFamily
{
    /// <summary>Codex writes with OpenAI models (GPT, o-series, codex, gpt-oss).</summary>
    public const string OpenAi = "openai";

    public static string Of(string provider, string? model)
    {
        var p = (provider ?? "").Trim().ToLowerInvariant();
        if (p == "openai") return OpenAi;

        var m = (model ?? "").Trim().ToLowerInvariant();
        var slash = m.LastIndexOf('/');
        if (slash >= 0) m = m[(slash + 1)..];          // "library/gpt-oss:20b", "openai/gpt-5"
        if (m.Length > 0)
        {
            if (m.StartsWith("gpt", StringComparison.Ordinal) || m.StartsWith("chatgpt", StringComparison.Ordinal)
                || m.Contains("codex", StringComparison.Ordinal) || m.StartsWith("davinci", StringComparison.Ordinal)
                || IsOSeries(m))
                return OpenAi;
            if (m.StartsWith("gemini", StringComparison.Ordinal) || m.StartsWith("gemma", StringComparison.Ordinal)) return "google";
            if (m.StartsWith("deepseek", StringComparison.Ordinal)) return "deepseek";
            if (m.StartsWith("glm", StringComparison.Ordinal) || m.StartsWith("chatglm", StringComparison.Ordinal)
                || m.StartsWith("codegeex", StringComparison.Ordinal)) return "zhipu";
            if (m.StartsWith("qwen", StringComparison.Ordinal) || m.StartsWith("qwq", StringComparison.Ordinal)) return "qwen";
            if (m.StartsWith("llama", StringComparison.Ordinal) || m.StartsWith("codellama", StringComparison.Ordinal)) return "meta";
            if (m.StartsWith("mistral", StringComparison.Ordinal) || m.StartsWith("mixtral", StringComparison.Ordinal)
                || m.StartsWith("codestral", StringComparison.Ordinal) || m.StartsWith("devstral", StringComparison.Ordinal)) return "mistral";
            if (m.StartsWith("claude", StringComparison.Ordinal)) return "anthropic";
            if (m.StartsWith("phi", StringComparison.Ordinal)) return "microsoft";
        }
        return p switch
        {
            "gemini" => "google",
            "deepseek" => "deepseek",
            _ => $"{p}:{(m.Length == 0 ? "default" : m)}",
        };
    }

    // o1, o3-mini, o4-mini, o3-pro... : 'o' followed by a digit.
    private static bool IsOSeries(string m) => m.Length >= 2 && m[0] == 'o' && char.IsAsciiDigit(m[1]);
}
