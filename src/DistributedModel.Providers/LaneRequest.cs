namespace DistributedModel.Providers;

/// <summary>One prompt for a lane (<c>summarize</c>, <c>scaffold</c>, <c>consult</c>, <c>tribunal</c>, <c>review</c>).</summary>
public sealed record LaneRequest(string Lane, string SystemPrompt, string UserPrompt)
{
    /// <summary>Pin one provider: "gemini" | "deepseek" | "openai" | "ollama" (no fallback).</summary>
    public string? Provider { get; init; }

    /// <summary>Override the model id for the pinned provider.</summary>
    public string? Model { get; init; }

    /// <summary>Ask for a JSON object (provider-native JSON mode).</summary>
    public bool JsonOutput { get; init; }

    /// <summary>Optional JSON schema text for structured output.</summary>
    public string? JsonSchema { get; init; }

    public int? MaxOutputTokens { get; init; }

    /// <summary>none | minimal | low | medium | high | xhigh | max, mapped per model (see docs/providers.md).</summary>
    public string? ReasoningEffort { get; init; }

    /// <summary>
    /// For a lane whose job a deterministic substitute can still do (summarize: the compressor's digest): when no
    /// provider answered, its text is returned instead of an error, marked <see cref="LaneResponse.Degraded"/>, and the
    /// ledger records outcome <c>degraded</c>. Not for opinions: an opinion cannot be faked.
    /// </summary>
    public Func<string>? DeterministicFallback { get; init; }
}
