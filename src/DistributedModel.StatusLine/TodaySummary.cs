using System.Globalization;
using System.Text.Json;
using DistributedModel.Core.Ledger;
using DistributedModel.Core.Logging;

namespace DistributedModel.StatusLine;

/// <summary>
/// Today's totals from the tails of hooks.log and the ledger, read with the writers' records and source-generated
/// contexts (<see cref="HookLogRecord"/>, <see cref="LedgerRecord"/>). "Today" is the local calendar date of the
/// <see cref="TimeProvider"/> (its <see cref="TimeProvider.LocalTimeZone"/>); a record counts when its UTC
/// timestamp falls on that date there. Lines that do not parse are skipped and counted in <see cref="Skipped"/>.
/// </summary>
internal sealed record TodaySummary
{
    /// <summary>PostToolUse lines today.</summary>
    public int ToolCalls { get; init; }

    /// <summary>Bytes the tools produced (hooks.log <c>in</c>) on those lines.</summary>
    public long BytesIn { get; init; }

    /// <summary>Bytes that went on to the model (hooks.log <c>out</c>) on those lines.</summary>
    public long BytesOut { get; init; }

    /// <summary>Error/warning lines kept beyond the 2 KB preview (hooks.log <c>surfaced</c>).</summary>
    public long Surfaced { get; init; }

    /// <summary>Provider calls today (ledger lines).</summary>
    public int ProviderCalls { get; init; }

    /// <summary>Their priced cost (<c>cost_usd</c>; an unpriced call adds nothing).</summary>
    public decimal SpecialistsUsd { get; init; }

    /// <summary>True when a log's tail window starts today: there may be more of today before it.</summary>
    public bool Partial { get; init; }

    public int Skipped { get; init; }

    public bool IsIdle => ToolCalls == 0 && ProviderCalls == 0;

    public static TodaySummary From(LogTail hooks, LogTail ledger, TimeProvider time)
    {
        var zone = time.LocalTimeZone;
        var today = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).Date;
        bool IsToday(DateTimeOffset ts) => TimeZoneInfo.ConvertTime(ts, zone).Date == today;

        int calls = 0, providerCalls = 0, skipped = 0;
        long bytesIn = 0, bytesOut = 0, surfaced = 0;
        decimal usd = 0;
        bool partial = false;

        bool first = true;
        foreach (var line in hooks.Lines)
        {
            var record = ParseHook(line);
            if (record is null) { skipped++; continue; }
            if (first && !hooks.ReachedStart && IsToday(record.Timestamp)) partial = true;
            first = false;
            if (record.Event != HookEvents.PostToolUse || !IsToday(record.Timestamp)) continue;
            calls++;
            bytesIn += Math.Max(0, record.InputBytes);
            bytesOut += Math.Max(0, record.OutputBytes);
            surfaced += Math.Max(0, record.Surfaced ?? 0);
        }

        first = true;
        foreach (var line in ledger.Lines)
        {
            var record = ParseLedger(line, out var ts);
            if (record is null) { skipped++; continue; }
            if (first && !ledger.ReachedStart && IsToday(ts)) partial = true;
            first = false;
            if (!IsToday(ts)) continue;
            providerCalls++;
            if (record.CostUsd is > 0 and < 1_000_000m) usd += record.CostUsd.Value;
        }

        return new TodaySummary
        {
            ToolCalls = calls, BytesIn = bytesIn, BytesOut = bytesOut, Surfaced = surfaced,
            ProviderCalls = providerCalls, SpecialistsUsd = usd, Partial = partial, Skipped = skipped,
        };
    }

    private static HookLogRecord? ParseHook(string line)
    {
        try { return JsonSerializer.Deserialize(line, HookLogJsonContext.Default.HookLogRecord); }
        catch (JsonException) { return null; }
    }

    private static LedgerRecord? ParseLedger(string line, out DateTimeOffset ts)
    {
        ts = default;
        try
        {
            var record = JsonSerializer.Deserialize(line, LedgerJsonContext.Default.LedgerRecord);
            return record is not null && DateTimeOffset.TryParse(record.Ts, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out ts) ? record : null;
        }
        catch (JsonException) { return null; }
    }
}
