using System.Text.Json;
using DistributedModel.Core.Configuration;
using DistributedModel.Core.Runtime;

namespace DistributedModel.Mcp.Hosting;

/// <summary>Reads one top-level section of <c>.claude/dm.json</c> (comments and trailing commas allowed).</summary>
public static class DmJsonSection
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <returns>The section's object, or null when the file, or an object under <paramref name="name"/>, is absent.</returns>
    /// <exception cref="InvalidOperationException">The file is not valid JSON, not a regular file or over 1 MiB (the message
    /// names the file and the error).</exception>
    public static JsonElement? Read(string configFile, string name)
    {
        byte[]? bytes;
        try { bytes = ConfigFileText.ReadBytes(configFile); }
        catch (BoundedFileException ex) { throw new InvalidOperationException(ex.Message, ex); }
        if (bytes is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(bytes, Options);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object
                ? section.Clone()
                : null;
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{configFile} is not valid JSON: {ex.Message}", ex);
        }
    }
}
