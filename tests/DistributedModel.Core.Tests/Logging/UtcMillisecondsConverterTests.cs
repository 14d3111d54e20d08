using System.Text.Json;
using DistributedModel.Core.Logging;

namespace DistributedModel.Core.Tests.Logging;

public sealed class UtcMillisecondsConverterTests
{
    [Fact]
    public void Hook_log_lines_carry_utc_millisecond_timestamps_and_round_trip()
    {
        var record = new HookLogRecord
        {
            Timestamp = new DateTimeOffset(2026, 11, 23, 9, 0, 0, 123, TimeSpan.FromHours(2)),
            Event = "PostToolUse", Tool = "Bash", InputBytes = 204800, OutputBytes = 5120, ElapsedMs = 3.2, Outcome = "compressed",
        };

        var json = JsonSerializer.Serialize(record, HookLogJsonContext.Default.HookLogRecord);

        json.Should().Be("""{"ts":"2026-11-23T07:00:00.123Z","event":"PostToolUse","tool":"Bash","in":204800,"out":5120,"ms":3.2,"outcome":"compressed"}""");
        JsonSerializer.Deserialize(json, HookLogJsonContext.Default.HookLogRecord)!.Timestamp.Should().Be(record.Timestamp);
    }
}
