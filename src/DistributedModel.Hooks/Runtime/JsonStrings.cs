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

    /// <summary>True when <paramref name="node"/> is the JSON literal <c>true</c>.</summary>
    public static bool IsTrue(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.True;
}
