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

    /// <summary>"low" | "medium" | "high" where supported.</summary>
    public string? ReasoningEffort { get; init; }
}
