namespace DistributedModel.Mcp.Execution;

/// <summary>Small text helpers for compact tool results.</summary>
internal static class Text
{
    /// <summary>First line-joined <paramref name="max"/> characters, with an ellipsis when cut.</summary>
    public static string Shorten(string text, int max)
    {
        var flat = string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }
}
