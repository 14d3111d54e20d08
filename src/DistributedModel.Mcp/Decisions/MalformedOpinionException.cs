namespace DistributedModel.Mcp.Decisions;

/// <summary>A consultant answered twice without a valid structured verdict.</summary>
internal sealed class MalformedOpinionException(string provider, string problem, string rawText)
    : Exception($"{provider} gave no valid verdict after one retry: {problem}")
{
    public string Provider { get; } = provider;

    public string RawText { get; } = rawText;
}
