using System.Text.Json;
using DistributedModel.Core.Runtime;

namespace DistributedModel.Core.Configuration;

/// <summary>Reads <c>.claude/dm.json</c> or one top-level section of it (comments and trailing commas allowed), bounded
/// by <see cref="ConfigFileText"/>: the one JSON reading of the file for the loaders, <c>dm doctor</c> and the audit.</summary>
public static class DmJsonSection
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <returns>The section's object, or null when the file, or an object under <paramref name="name"/>, is absent.</returns>
    /// <exception cref="InvalidOperationException">The file is not valid JSON, not a regular file or over 1 MiB (the message
    /// names the file and the error).</exception>
    public static JsonElement? Read(string configFile, string name) =>
        ReadRoot(configFile) is { } root && root.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object ? section : null;

    /// <returns>The file's top-level object, or null when the file is absent or its root is not an object.</returns>
    /// <exception cref="InvalidOperationException">As <see cref="Read"/>.</exception>
    public static JsonElement? ReadRoot(string configFile)
    {
        byte[]? bytes;
        try { bytes = ConfigFileText.ReadBytes(configFile); }
        catch (BoundedFileException ex) { throw new InvalidOperationException(ex.Message, ex); }
        if (bytes is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(bytes, Options);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{configFile} is not valid JSON: {ex.Message}", ex);
        }
    }
}
