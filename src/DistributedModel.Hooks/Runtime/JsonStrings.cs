using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DistributedModel.Hooks.Runtime;

/// <summary>
/// Reads string and boolean leaves of a <see cref="JsonNode"/> tree without <c>JsonValue.TryGetValue&lt;T&gt;</c>: that is a
/// generic virtual method, and for a reference-type <c>T</c> a Native-AOT process builds its instantiation at run time
/// through the type loader on first call.
/// </summary>
public static class JsonStrings
{
    /// <summary>The string value of <paramref name="node"/>, or null when it is not a JSON string.</summary>
    public static string? Of(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.ToString() : null;

    /// <summary>
    /// As <see cref="Of"/> for a leaf that may be large (tool output): when it comes from a parsed document and is longer
    /// than 1 KB it is decoded straight from the document's bytes (<see cref="JsonStringDecoder"/>). Costs one run-time
    /// generic lookup per process, so metadata fields use <see cref="Of"/>.
    /// </summary>
    public static string? Text(JsonNode? node)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String) return null;
        if (v.TryGetValue<JsonElement>(out var element))
        {
            var raw = JsonMarshal.GetRawUtf8Value(element);
            if (raw.Length > DirectDecodeMinBytes) return JsonStringDecoder.Decode(raw);
        }
        return v.ToString();
    }

    /// <summary>The length of <see cref="Text"/>'s string (0 when it is not a string), without decoding a large one.</summary>
    public static int TextLength(JsonNode? node)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String) return 0;
        if (v.TryGetValue<JsonElement>(out var element))
        {
            var raw = JsonMarshal.GetRawUtf8Value(element);
            if (raw.Length > DirectDecodeMinBytes) return JsonStringDecoder.DecodedLength(raw);
        }
        return v.ToString().Length;
    }

    // Below this the temporary copy JsonElement.GetString makes is a small pooled buffer anyway.
    private const int DirectDecodeMinBytes = 1024;

    /// <summary>True when <paramref name="node"/> is the JSON literal <c>true</c>.</summary>
    public static bool IsTrue(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.True;
}
