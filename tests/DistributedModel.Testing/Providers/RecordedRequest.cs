using System.Text.Json.Nodes;

namespace DistributedModel.Testing.Providers;

/// <summary>
/// One request a fake provider received, as sent on the wire (headers, body), plus the model and prompts the fake
/// extracted from the provider-specific body for convenient assertions.
/// </summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>Model id from the URL (Gemini) or body (others).</summary>
    public string? Model { get; init; }

    public string? SystemPrompt { get; init; }

    public string? UserPrompt { get; init; }

    /// <summary>The body parsed as JSON, or null when it is not JSON.</summary>
    public JsonNode? Json
    {
        get
        {
            try { return JsonNode.Parse(Body); }
            catch (System.Text.Json.JsonException) { return null; }
        }
    }

    /// <summary>A header value (case-insensitive name), or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
