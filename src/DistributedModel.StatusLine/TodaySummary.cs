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

    /// <summary>Of <see cref="Surfaced"/>, the error lines (hooks.log <c>surfacedErrors</c>; on an older line without it, all of
    /// its surfaced lines when it kept no warnings).</summary>
    public long SurfacedErrors { get; init; }

    /// <summary>Of <see cref="Surfaced"/>, the warning lines (likewise).</summary>
    public long SurfacedWarnings { get; init; }

    /// <summary>Of <see cref="Surfaced"/>, the lines of older records that kept both errors and warnings and did not log which.</summary>
    public long SurfacedUnsplit => Math.Max(0, Surfaced - SurfacedErrors - SurfacedWarnings);

    /// <summary>Provider calls today (ledger lines).</summary>
    public int ProviderCalls { get; init; }

    /// <summary>Their priced cost (<c>cost_usd</c>; an unpriced call adds nothing).</summary>
    public decimal SpecialistsUsd { get; init; }

    /// <summary>Of <see cref="ProviderCalls"/>, the ones whose cost is unknown (<c>cost_usd</c> null or <c>unpriced: true</c>).</summary>
    public int UnpricedCalls { get; init; }

    /// <summary>True when a log's tail window starts today: there may be more of today before it.</summary>
    public bool Partial { get; init; }

    public int Skipped { get; init; }

    public bool IsIdle => ToolCalls == 0 && ProviderCalls == 0;

    public static TodaySummary From(LogTail hooks, LogTail ledger, TimeProvider time)
    {
        var zone = time.LocalTimeZone;
        var today = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).Date;
        bool IsToday(DateTimeOffset ts) => TimeZoneInfo.ConvertTime(ts, zone).Date == today;

        int calls = 0, providerCalls = 0, unpriced = 0, skipped = 0;
        long bytesIn = 0, bytesOut = 0, surfaced = 0, surfacedErrors = 0, surfacedWarnings = 0;
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
            var (all, errors, warnings) = SurfacedOf(record);
            surfaced += all;
            surfacedErrors += errors;
            surfacedWarnings += warnings;
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
            if (record.IsUnpriced) unpriced++;
            else if (record.CostUsd is > 0 and < 1_000_000m) usd += record.CostUsd.Value;
        }

        return new TodaySummary
        {
            ToolCalls = calls, BytesIn = bytesIn, BytesOut = bytesOut,
            Surfaced = surfaced, SurfacedErrors = surfacedErrors, SurfacedWarnings = surfacedWarnings,
            ProviderCalls = providerCalls, SpecialistsUsd = usd, UnpricedCalls = unpriced, Partial = partial, Skipped = skipped,
        };
    }

    /// <summary>A line's surfaced lines and, of them, its errors and warnings; the split is clamped to the total.</summary>
    private static (long All, long Errors, long Warnings) SurfacedOf(HookLogRecord r)
    {
        long all = Math.Max(0, r.Surfaced ?? 0);
        if (all == 0) return (0, 0, 0);
        if (r.SurfacedErrors is not null || r.SurfacedWarnings is not null)
        {
            long e = Math.Clamp(r.SurfacedErrors ?? 0, 0, all);
            return (all, e, Math.Clamp(r.SurfacedWarnings ?? 0, 0, all - e));
        }
        // A line from before the split: it is known only when the line kept one kind.
        if ((r.Warnings ?? 0) <= 0) return (all, all, 0);
        if ((r.Errors ?? 0) <= 0) return (all, 0, all);
        return (all, 0, 0);
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
