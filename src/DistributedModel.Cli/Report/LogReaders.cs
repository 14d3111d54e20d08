using System.Text.Json;

namespace DistributedModel.Cli.Report;

/// <summary>Maps hooks.log and ledger lines to records; a line without its required fields is treated as unreadable.</summary>
public static class LogReaders
{
    public static List<HookCall> ReadHooks(string path, ReadStats stats, TextWriter? progress = null) =>
        JsonLinesReader.Read(path, MapHook, stats, progress);

    public static List<ProviderCall> ReadLedger(string path, ReadStats stats, TextWriter? progress = null) =>
        JsonLinesReader.Read(path, MapLedger, stats, progress);

    private static HookCall? MapHook(JsonElement e)
    {
        if (e.Time("ts") is not { } ts || e.Str("event") is not { } ev || e.Str("outcome") is not { } outcome) return null;
        return new HookCall(ts, ev, e.Str("tool"), e.Long("in"), e.Long("out"), e.Double("ms"), outcome);
    }

    private static ProviderCall? MapLedger(JsonElement e)
    {
        if (e.Time("ts") is not { } ts || e.Str("provider") is not { } provider) return null;
        return new ProviderCall(ts, e.Str("lane") ?? "(none)", provider, e.Str("model"), e.Long("in"), e.Long("out"),
            e.Decimal("cost_usd"), e.Decimal("baseline_usd"), e.Double("ms"), e.Str("fallback_from"), e.Str("outcome") ?? "ok")
        {
            Error = e.Str("error"),
            Unpriced = e.TryGetProperty("unpriced", out var u) && u.ValueKind == JsonValueKind.True,
        };
    }
}
