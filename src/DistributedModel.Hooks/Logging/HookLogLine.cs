using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DistributedModel.Core.Logging;

namespace DistributedModel.Hooks.Logging;

/// <summary>
/// Writes a <see cref="HookLogRecord"/> as its hooks.log JSON line: the same bytes as
/// <c>JsonSerializer.Serialize(record, HookLogJsonContext.Default.HookLogRecord)</c>, without building serializer
/// metadata (about a millisecond in a hook process, and reflection in the AOT binary). When every string is plain
/// ASCII that JSON writes verbatim (the usual case) the line is assembled directly, which also spares the process
/// building the default JavaScript encoder; anything else goes through <see cref="Utf8JsonWriter"/>.
/// </summary>
public static class HookLogLine
{
    /// <returns>UTF-8 JSON, no trailing newline.</returns>
    public static byte[] ToUtf8(HookLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ts = record.Timestamp.UtcDateTime.ToString(UtcMillisecondsConverter.Format, CultureInfo.InvariantCulture);
        return IsPlain(ts) && IsPlain(record.Event) && IsPlain(record.Tool) && IsPlain(record.Outcome) && IsPlain(record.Detail)
            && double.IsFinite(record.ElapsedMs)
            ? Plain(record, ts)
            : Escaped(record, ts);
    }

    private static byte[] Plain(HookLogRecord r, string ts)
    {
        var sb = new StringBuilder(192);
        var inv = CultureInfo.InvariantCulture;
        sb.Append("{\"ts\":\"").Append(ts).Append("\",\"event\":\"").Append(r.Event).Append("\",\"tool\":");
        if (r.Tool is null) sb.Append("null");
        else sb.Append('"').Append(r.Tool).Append('"');
        sb.Append(inv, $",\"in\":{r.InputBytes},\"out\":{r.OutputBytes},\"ms\":{r.ElapsedMs},\"outcome\":\"").Append(r.Outcome).Append('"');
        if (r.Detail is not null) sb.Append(",\"detail\":\"").Append(r.Detail).Append('"');
        if (r.Errors is { } e) sb.Append(inv, $",\"errors\":{e}");
        if (r.Warnings is { } w) sb.Append(inv, $",\"warnings\":{w}");
        if (r.Surfaced is { } su) sb.Append(inv, $",\"surfaced\":{su}");
        if (r.SurfacedErrors is { } se) sb.Append(inv, $",\"surfacedErrors\":{se}");
        if (r.SurfacedWarnings is { } sw) sb.Append(inv, $",\"surfacedWarnings\":{sw}");
        if (r.Limit is { } l) sb.Append(inv, $",\"limit\":{l}");
        if (r.OverLimit is { } o) sb.Append(o ? ",\"overLimit\":true" : ",\"overLimit\":false");
        sb.Append('}');
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static byte[] Escaped(HookLogRecord r, string ts)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("ts"u8, ts);
            w.WriteString("event"u8, r.Event);
            w.WriteString("tool"u8, r.Tool);
            w.WriteNumber("in"u8, r.InputBytes);
            w.WriteNumber("out"u8, r.OutputBytes);
            w.WriteNumber("ms"u8, r.ElapsedMs);
            w.WriteString("outcome"u8, r.Outcome);
            if (r.Detail is not null) w.WriteString("detail"u8, r.Detail);
            if (r.Errors is { } e) w.WriteNumber("errors"u8, e);
            if (r.Warnings is { } wa) w.WriteNumber("warnings"u8, wa);
            if (r.Surfaced is { } su) w.WriteNumber("surfaced"u8, su);
            if (r.SurfacedErrors is { } se) w.WriteNumber("surfacedErrors"u8, se);
            if (r.SurfacedWarnings is { } sw) w.WriteNumber("surfacedWarnings"u8, sw);
            if (r.Limit is { } l) w.WriteNumber("limit"u8, l);
            if (r.OverLimit is { } o) w.WriteBoolean("overLimit"u8, o);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    // Characters the default JSON encoder never escapes (a conservative subset: letters, digits and common punctuation).
    private static bool IsPlain(string? s)
    {
        if (s is null) return true;
        foreach (var c in s)
            if (!(char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or ':' or ',' or '/' or '=' or '(' or ')' or '[' or ']' or '#' or '%' or '@' or '|' or '~' or '!' or '?' or '*' or ';' or '$' or '^' or '{' or '}'))
                return false;
        return true;
    }
}
