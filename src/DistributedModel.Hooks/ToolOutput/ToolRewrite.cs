using System.Text.Json.Nodes;

namespace DistributedModel.Hooks.ToolOutput;

/// <summary>Result of rewriting one tool response: the same-shape replacement (null = leave it), and a note for the log.</summary>
public sealed record ToolRewrite(JsonNode? Updated, string? Detail)
{
    public static ToolRewrite Unchanged(string? detail = null) => new(null, detail);
}
