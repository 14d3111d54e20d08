using DistributedModel.Core.Workspace;
using System.Globalization;
using System.Text.Json;
using DistributedModel.Core.Logging;
using DistributedModel.Core.Ledger;

namespace DistributedModel.Mcp.Dispatch.Codex;

/// <summary>Writes a codex run's token usage (from <c>turn.completed</c>) to the shared ledger as provider <c>codex</c>.</summary>
public static class CodexLedger
{
    public const string Lane = "dispatch";
    public const string Provider = "codex";

    public static LedgerRecord ToRecord(CodexRunResult run, DispatchOptions options, DateTimeOffset now)
    {
        var u = run.Usage ?? CodexUsage.Zero;
        var ok = run.Status == CodexRunStatus.Succeeded;
        return new LedgerRecord
        {
            Ts = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Lane = Lane,
            Provider = Provider,
            Model = options.CodexModel ?? ModelFromConfig(options.CodexConfig) ?? "codex-default",
            In = u.Input,
            Out = u.Output,
            Reasoning = u.Reasoning,
            Cached = u.CachedInput,
            CacheWrite = u.CacheWrite,
            CostUsd = Math.Round(options.CodexPrices.Cost(u.ToTokenUsage()), 6),
            BaselineUsd = Math.Round(options.BaselinePrices.Cost(u.ToTokenUsage()), 6),
            Ms = Math.Round(run.Elapsed.TotalMilliseconds),
            Attempts = 1,
            FallbackFrom = null,
            Outcome = ok ? LedgerOutcome.Ok : LedgerOutcome.Error,
            Error = ok ? null : run.Error,
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
