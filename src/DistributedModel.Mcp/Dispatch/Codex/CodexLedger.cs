using DistributedModel.Core.Workspace;
using System.Globalization;
using System.Text.Json;
using DistributedModel.Core.Logging;
using DistributedModel.Core.Ledger;
using DistributedModel.Providers.Pricing;

namespace DistributedModel.Mcp.Dispatch.Codex;

/// <summary>
/// Writes a codex run's token usage (from <c>turn.completed</c>) to the shared ledger as provider <c>codex</c>, priced with
/// the user's <c>dispatch.codexPrices</c>, else the dated price of codex's model in the provider library's table
/// (<see cref="DefaultPrices"/>); a model priced by neither is booked <c>unpriced: true</c> with <c>cost_usd</c> null, never $0.
/// </summary>
public static class CodexLedger
{
    public const string Lane = "dispatch";
    public const string Provider = "codex";

    /// <summary>The model name booked when neither <c>codexModel</c> nor a <c>-c model=…</c> override names one.</summary>
    public const string DefaultModelName = "codex-default";

    private static readonly PriceTable ListPrices = new(DefaultPrices.All());

    public static LedgerRecord ToRecord(CodexRunResult run, DispatchOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var u = run.Usage ?? CodexUsage.Zero;
        var ok = run.Status == CodexRunStatus.Succeeded;
        var model = options.CodexModel ?? ModelFromConfig(options.CodexConfig) ?? DefaultModelName;
        var price = options.CodexPrices ?? ListPrices.Find(model, now);
        decimal? cost = price is null ? null : Math.Round(price.Cost(u.ToTokenUsage()), 6);
        return new LedgerRecord
        {
            Ts = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Lane = Lane,
            Provider = Provider,
            Model = model,
            In = u.Input,
            Out = u.Output,
            Reasoning = u.Reasoning,
            Cached = u.CachedInput,
            CacheWrite = u.CacheWrite,
            CostUsd = cost,
            Unpriced = cost is null ? true : null,
            BaselineUsd = Math.Round(options.BaselinePrices.Cost(u.ToTokenUsage()), 6),
            Ms = Math.Round(run.Elapsed.TotalMilliseconds),
            Attempts = 1,
            FallbackFrom = null,
            Outcome = ok ? LedgerOutcome.Ok : LedgerOutcome.Error,
            Error = ok ? null : run.Error,
            Detail = cost is null
                ? $"no price for codex model {model}: cost unknown (set dispatch.codexPrices in ~/.claude/dm.json)"
                : options.CodexPrices is not null ? "priced with dispatch.codexPrices" : null,
        };
    }

    public static void Append(WorkspacePaths paths, LedgerRecord record) =>
        AtomicAppender.AppendLine(paths.PrepareWrite(paths.Ledger), JsonSerializer.Serialize(record, LedgerJsonContext.Default.LedgerRecord));

    /// <summary>The <c>model="…"</c> of the <c>-c</c> overrides, if any.</summary>
    private static string? ModelFromConfig(IEnumerable<string> config)
    {
        foreach (var c in config)
        {
            var eq = c.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && c[..eq].Trim() == "model") return c[(eq + 1)..].Trim().Trim('"', '\'');
        }
        return null;
    }
}
