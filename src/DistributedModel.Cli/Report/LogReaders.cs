using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DistributedModel.Core.Ledger;
using DistributedModel.Core.Logging;

namespace DistributedModel.Cli.Report;

/// <summary>
/// Reads hooks.log and ledger lines into the records their writers write (<see cref="HookLogRecord"/>,
/// <see cref="LedgerRecord"/>) with the writers' source-generated contexts; a line without its required fields
/// (<c>ts</c>, <c>event</c>, <c>outcome</c>; <c>ts</c>, <c>provider</c>) is counted as unreadable.
/// </summary>
public static class LogReaders
{
    /// <summary>Lane of a ledger line that names none.</summary>
    public const string NoLane = "(none)";

    /// <summary>
    /// The ledger contract read leniently, as the report always has: <c>lane</c> and <c>outcome</c> may be missing
    /// (then <see cref="NoLane"/> and <see cref="LedgerOutcome.Ok"/>), and numbers may be quoted (some serializers quote
    /// decimals). Writing is unaffected: the writers use <see cref="LedgerJsonContext.Default"/>.
    /// </summary>
    private static readonly JsonTypeInfo<LedgerRecord> LenientLedger = (JsonTypeInfo<LedgerRecord>)new JsonSerializerOptions(LedgerJsonContext.Default.Options)
    {
        TypeInfoResolver = LedgerJsonContext.Default.WithAddedModifier(static info =>
        {
            if (info.Type != typeof(LedgerRecord)) return;
            foreach (var p in info.Properties)
                if (p.Name is "lane" or "outcome") p.IsRequired = false;
        }),
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    }.GetTypeInfo(typeof(LedgerRecord));

    public static List<HookLogRecord> ReadHooks(string path, ReadStats stats, TextWriter? progress = null) =>
        JsonLinesReader.Read(path, HookLogJsonContext.Default.HookLogRecord, stats, progress);

    public static List<ProviderCall> ReadLedger(string path, ReadStats stats, TextWriter? progress = null) =>
        JsonLinesReader.ReadLines(path, line => ToCall(JsonSerializer.Deserialize(line, LenientLedger)), stats, progress);

    private static ProviderCall? ToCall(LedgerRecord? line)
    {
        if (line is null || !DateTimeOffset.TryParse(line.Ts, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var ts)) return null;
        // Absent in the line despite the writers' contract (see LenientLedger): what the report has always assumed.
        return new ProviderCall(ts, line with { Lane = line.Lane ?? NoLane, Outcome = line.Outcome ?? LedgerOutcome.Ok });
    }
}
