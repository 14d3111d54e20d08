using System.Globalization;
using System.Text.Json;

namespace DistributedModel.Core.Json;

/// <summary>
/// Reading one field of a JSON object the forgiving way (a record written by someone else: a transcript, an older log
/// line): absent, of the wrong kind, or read from something that is not an object at all gives null or 0, never an
/// exception.
/// </summary>
public static class JsonFields
{
    /// <summary>The string value of <paramref name="name"/>, or null.</summary>
    public static string? Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A whole number (a fractional one is truncated); 0 if absent or not a number.</summary>
    public static long Long(this JsonElement e, string name) =>
        !Number(e, name, out var v) ? 0 : v.TryGetInt64(out var l) ? l : (long)v.GetDouble();

    /// <summary>A number; 0 if absent or not a number.</summary>
    public static double Double(this JsonElement e, string name) => Number(e, name, out var v) ? v.GetDouble() : 0;

    /// <summary>A number, or a number written as a string (some serializers quote decimals); 0 if absent or unreadable.</summary>
    public static decimal Decimal(this JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return 0m;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)) return d;
        return v.ValueKind == JsonValueKind.String
            && decimal.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? d : 0m;
    }

    /// <summary>An ISO 8601 time in a string (UTC when it names no offset), as UTC; null if absent or unreadable.</summary>
    public static DateTimeOffset? Time(this JsonElement e, string name) =>
        Str(e, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    private static bool Number(JsonElement e, string name, out JsonElement value)
    {
        value = default;
        return e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Number;
    }
}
