using System.Text;
using System.Text.Json;
using DistributedModel.Hooks.Logging;
using DistributedModel.Core.Logging;

namespace DistributedModel.Hooks.Tests.Logging;

public sealed class HookLogLineTests
{
    public static TheoryData<HookLogRecord> Records() =>
    [
        new HookLogRecord
        {
            Timestamp = new DateTimeOffset(2026, 11, 23, 9, 0, 0, 123, TimeSpan.FromHours(2)),
            Event = "PostToolUse", Tool = "Bash", InputBytes = 204800, OutputBytes = 5120, ElapsedMs = 3.2, Outcome = "compressed",
        },
        new HookLogRecord
        {
            Timestamp = DateTimeOffset.UnixEpoch, Event = "PostToolUse", Tool = null, InputBytes = 0, OutputBytes = 0,
            ElapsedMs = 0.1 + 0.2, Outcome = "failopen:malformed-json", Detail = "line 1, byte 7",
        },
        new HookLogRecord
        {
            Timestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 6, TimeSpan.Zero), Event = "UserPromptSubmit",
            Tool = "mcp__sërver__<tool>&'\"\\", InputBytes = long.MaxValue, OutputBytes = -1, ElapsedMs = 1e-7,
            Outcome = "injected", Detail = "raw=a.txt,b.txt 日本 \u2028 \u0001 +`",
        },
        new HookLogRecord
        {
            Timestamp = DateTimeOffset.UnixEpoch, Event = "PostToolUse", Tool = "Bash", InputBytes = 90000, OutputBytes = 8000, ElapsedMs = 4,
            Outcome = "compressed", Errors = 5, Warnings = 6, Surfaced = 8, SurfacedErrors = 4, SurfacedWarnings = 4, Limit = 30000, OverLimit = false,
        },
        new HookLogRecord
        {
            Timestamp = DateTimeOffset.UnixEpoch, Event = "PostToolUse", Tool = "Bash", InputBytes = 90000, OutputBytes = 8000, ElapsedMs = 4,
            Outcome = "compressed", Detail = "日本", Errors = 5, Warnings = 6, Surfaced = 8, SurfacedErrors = 4, SurfacedWarnings = 4, Limit = 30000,
        },
    ];

    [Theory]
    [MemberData(nameof(Records))]
    public void Line_bytes_equal_the_source_generated_serializer_output(HookLogRecord record)
    {
        var expected = JsonSerializer.Serialize(record, HookLogJsonContext.Default.HookLogRecord);

        Encoding.UTF8.GetString(HookLogLine.ToUtf8(record)).Should().Be(expected);
    }

    [Fact]
    public void Every_ascii_character_in_any_string_field_is_written_as_the_serializer_writes_it()
    {
        for (char c = '\0'; c < (char)128; c++)
        {
            var text = "a" + c + "b";
            var record = new HookLogRecord
            {
                Timestamp = DateTimeOffset.UnixEpoch, Event = text, Tool = text, InputBytes = 1, OutputBytes = 2,
                ElapsedMs = 12.5, Outcome = text, Detail = text,
            };

            Encoding.UTF8.GetString(HookLogLine.ToUtf8(record))
                .Should().Be(JsonSerializer.Serialize(record, HookLogJsonContext.Default.HookLogRecord), $"character U+{(int)c:X4}");
        }
    }
}
