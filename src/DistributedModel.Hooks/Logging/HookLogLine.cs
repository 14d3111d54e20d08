using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace DistributedModel.Hooks.Logging;

/// <summary>
/// Writes a <see cref="HookLogRecord"/> as its hooks.log JSON line with a plain <see cref="Utf8JsonWriter"/>: the same bytes
/// as <c>JsonSerializer.Serialize(record, HookLogJsonContext.Default.HookLogRecord)</c>, without building serializer
/// metadata (which costs a hook process about a millisecond and pulls reflection into the AOT binary).
/// </summary>
public static class HookLogLine
{
    /// <returns>UTF-8 JSON, no trailing newline.</returns>
    public static byte[] ToUtf8(HookLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("ts"u8, record.Timestamp.UtcDateTime.ToString(UtcMillisecondsConverter.Format, CultureInfo.InvariantCulture));
            w.WriteString("event"u8, record.Event);
            w.WriteString("tool"u8, record.Tool);
            w.WriteNumber("in"u8, record.InputBytes);
            w.WriteNumber("out"u8, record.OutputBytes);
            w.WriteNumber("ms"u8, record.ElapsedMs);
            w.WriteString("outcome"u8, record.Outcome);
            if (record.Detail is not null) w.WriteString("detail"u8, record.Detail);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
