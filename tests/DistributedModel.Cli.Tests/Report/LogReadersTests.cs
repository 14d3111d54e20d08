using System.Text;
using System.Text.Json;
using DistributedModel.Cli.Report;
using DistributedModel.Core.Ledger;
using DistributedModel.Core.Logging;
using DistributedModel.Core.Workspace;
using DistributedModel.Hooks.Runtime;
using DistributedModel.Testing;

namespace DistributedModel.Cli.Tests.Report;

/// <summary>
/// dm report reads what the writers write: the hooks' <see cref="HookLog"/> and the ledger's record and context,
/// back into the same records, every field (what must survive is the whole record, compared by value).
/// </summary>
public sealed class LogReadersTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-readers");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_hooks_log_line_written_by_the_hook_reads_back_as_the_same_record()
    {
        var paths = new WorkspacePaths(_dir.Path);
        var path = paths.HooksLog;
        var plain = new HookLogRecord
        {
            Timestamp = new DateTimeOffset(2026, 11, 23, 7, 0, 0, 123, TimeSpan.Zero), Event = HookEvents.PostToolUse, Tool = "Bash",
            InputBytes = 204_800, OutputBytes = 5_120, ElapsedMs = 3.25, Outcome = HookOutcomes.Compressed,
            Errors = 2, Warnings = 1, Surfaced = 1, Limit = 30_000, OverLimit = false,
        };
        // Non-ASCII detail takes the writer's escaped path: it must read back too.
        var escaped = plain with { Event = HookEvents.UserPromptSubmit, Tool = null, Outcome = HookOutcomes.FailOpenFor("bad-json"), Detail = "« é »", Errors = null, Limit = null, OverLimit = null };
        HookLog.TryWrite(paths, plain).Should().BeTrue();
        HookLog.TryWrite(paths, escaped).Should().BeTrue();

        var stats = new ReadStats();
        LogReaders.ReadHooks(path, stats).Should().Equal(plain, escaped);
        stats.Skipped.Should().Be(0);
    }

    [Fact]
    public void A_ledger_line_written_with_the_ledger_context_reads_back_as_the_same_record_with_its_time()
    {
        var paths = new WorkspacePaths(_dir.Path);
        var path = paths.PrepareWrite(paths.Ledger);
        var line = new LedgerRecord
        {
            Ts = "2026-11-23T12:00:00.250Z", Lane = "summarize", Provider = "gemini", Model = "gemini-2.5-flash", In = 1200, Out = 300,
            Reasoning = 40, Cached = 100, CostUsd = 0.000123m, BaselineUsd = 0.0456m, Ms = 812.5, Attempts = 2, FallbackFrom = "deepseek",
            Outcome = LedgerOutcome.Error, Error = "http_503", Detail = "upstream overloaded",
        };
        AtomicAppender.AppendLine(path, JsonSerializer.Serialize(line, LedgerJsonContext.Default.LedgerRecord));

        var call = LogReaders.ReadLedger(path, new ReadStats()).Should().ContainSingle().Subject;

        call.Line.Should().Be(line);
        call.Timestamp.Should().Be(new DateTimeOffset(2026, 11, 23, 12, 0, 0, 250, TimeSpan.Zero));
        call.IsOk.Should().BeFalse();
        call.IsFirstAttempt.Should().BeFalse();
    }

    [Fact]
    public void A_ledger_line_without_lane_or_outcome_is_read_as_no_lane_and_ok_but_one_without_provider_or_time_is_not()
    {
        var path = _dir.Write("ledger.jsonl",
            "{\"ts\":\"2026-11-23T00:00:00Z\",\"provider\":\"gemini\",\"cost_usd\":0.5}\n" +
            "{\"ts\":\"2026-11-23T00:00:00Z\",\"lane\":\"consult\",\"cost_usd\":0.5}\n" +
            "{\"ts\":\"yesterday\",\"lane\":\"consult\",\"provider\":\"openai\"}\n" +
            "{\"lane\":\"consult\",\"provider\":\"openai\"}\n");
        var stats = new ReadStats();

        var calls = LogReaders.ReadLedger(path, stats);

        var call = calls.Should().ContainSingle().Subject;
        call.Line.Lane.Should().Be(LogReaders.NoLane);
        call.Line.Outcome.Should().Be(LedgerOutcome.Ok);
        call.IsOk.Should().BeTrue();
        stats.Skipped.Should().Be(3);
    }

    [Fact]
    public void A_hooks_log_line_missing_event_or_outcome_or_with_a_non_number_size_is_unreadable()
    {
        var path = _dir.Write("hooks.log", new StringBuilder()
            .Append("{\"ts\":\"2026-11-23T00:00:00.000Z\",\"event\":\"PostToolUse\",\"tool\":\"Bash\",\"in\":1,\"out\":1,\"ms\":1,\"outcome\":\"compressed\"}\n")
            .Append("{\"ts\":\"2026-11-23T00:00:00.000Z\",\"tool\":\"Bash\",\"in\":1,\"out\":1,\"ms\":1,\"outcome\":\"compressed\"}\n")
            .Append("{\"ts\":\"2026-11-23T00:00:00.000Z\",\"event\":\"PostToolUse\",\"in\":1,\"out\":1,\"ms\":1}\n")
            .Append("{\"ts\":\"2026-11-23T00:00:00.000Z\",\"event\":\"PostToolUse\",\"in\":\"many\",\"out\":1,\"ms\":1,\"outcome\":\"compressed\"}\n")
            .Append("null\n")
            .ToString());
        var stats = new ReadStats();

        LogReaders.ReadHooks(path, stats).Should().ContainSingle().Which.Event.Should().Be(HookEvents.PostToolUse);
        stats.Skipped.Should().Be(4);
    }
}
