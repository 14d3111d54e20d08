namespace DistributedModel.Mcp.Dispatch.Review;

/// <summary>
/// One reviewer of a dispatch: its framing, the provider it runs on (pinned, no fallback) and optionally the model.
/// Written as <c>[framing:]provider[/model]</c>, e.g. <c>ollama/glm-4.7-flash</c>, <c>security:ollama/qwen3:8b</c>,
/// <c>quality:deepseek</c>.
/// </summary>
public sealed record ReviewerSpec(string Framing, string Provider, string? Model)
{
    public const int MaxReviewers = 3;

    private static readonly string[] Providers = ["ollama", "gemini", "deepseek", "openai"];

    /// <summary>Short label for results and artifact names, e.g. <c>correctness</c>.</summary>
    public string Name => Framing;

    public override string ToString() => $"{Framing}:{Provider}{(Model is null ? "" : "/" + Model)}";

    /// <summary>
    /// Parses reviewer strings, assigns unused framings (correctness, quality, security in that order) to those
    /// without one, and checks count, providers, duplicate framings and the writer-family rule.
    /// </summary>
    /// <exception cref="ArgumentException">with a message fit for the caller.</exception>
    public static IReadOnlyList<ReviewerSpec> ParseAll(IReadOnlyList<string> specs, string writerFamily)
    {
        if (specs.Count == 0) throw new ArgumentException("at least one reviewer is needed.");
        if (specs.Count > MaxReviewers) throw new ArgumentException($"at most {MaxReviewers} reviewers (got {specs.Count}).");

        var parsed = specs.Select(ParseOne).ToList();
        var used = new HashSet<string>(parsed.Where(p => p.Framing is not null).Select(p => p.Framing!), StringComparer.Ordinal);
        if (used.Count != parsed.Count(p => p.Framing is not null))
            throw new ArgumentException("each reviewer needs its own framing; two reviewers name the same one.");
        var free = new Queue<string>(ReviewFraming.All.Where(f => !used.Contains(f)));

        var result = new List<ReviewerSpec>();
        foreach (var (framing, provider, model, text) in parsed)
        {
            var spec = new ReviewerSpec(framing ?? free.Dequeue(), provider, model);
            var family = ModelFamily.Of(spec.Provider, spec.Model);
            if (string.Equals(family, writerFamily, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"reviewer '{text}' is refused: it is of the {family} family, the same as the writer (codex). "
                    + "Reviewers must come from a different model family, e.g. ollama/glm-4.7-flash, gemini or deepseek.");
            }
            result.Add(spec);
        }
        return result;
    }

    private static (string? Framing, string Provider, string? Model, string Text) ParseOne(string text)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0) throw new ArgumentException("a reviewer is empty; use [framing:]provider[/model], e.g. ollama/glm-4.7-flash.");
        string? framing = null;
        var slash = s.IndexOf('/', StringComparison.Ordinal);
        var head = slash < 0 ? s : s[..slash];
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            framing = s[..colon].Trim().ToLowerInvariant();
            s = s[(colon + 1)..].Trim();
            if (!ReviewFraming.All.Contains(framing))
                throw new ArgumentException($"reviewer '{text}': unknown framing '{framing}' (use {string.Join(", ", ReviewFraming.All)}).");
            slash = s.IndexOf('/', StringComparison.Ordinal);
        }
        var provider = (slash < 0 ? s : s[..slash]).Trim().ToLowerInvariant();
        var model = slash < 0 ? null : s[(slash + 1)..].Trim();
        if (!Providers.Contains(provider))
            throw new ArgumentException($"reviewer '{text}': unknown provider '{provider}' (use {string.Join(", ", Providers)}).");
        if (model is { Length: 0 }) model = null;
        return (framing, provider, model, text!.Trim());
    }
}
