using System.Text.Json.Nodes;

namespace DistributedModel.Testing.Codex;

/// <summary>A request the fake received: method, path and the parsed JSON body (null when not JSON).</summary>
public sealed record CapturedRequest(string Method, string Path, JsonNode? Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>True for the main-loop requests that offer tools (the ones that consume script steps).</summary>
    public bool OffersTools => Body?["tools"] is JsonArray { Count: > 0 };
}
