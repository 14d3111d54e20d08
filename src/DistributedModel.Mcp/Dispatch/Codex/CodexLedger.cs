using System.Globalization;
using System.Text.Json;
using DistributedModel.Hooks.Logging;

namespace DistributedModel.Mcp.Dispatch.Codex;

/// <summary>Writes a codex run's token usage (from <c>turn.completed</c>) to the shared ledger as provider <c>codex</c>.</summary>
public static class CodexLedger
{
    public const string Lane = "dispatch";
    public const string Provider = "codex";

    public static LedgerRecord ToRecord(CodexRunResult run, DispatchOptions options, DateTimeOffset now)
    {
        var u = run.Usage ?? CodexUsage.Zero;
        var model = options.CodexModel ?? ModelFromConfig(options.CodexConfig) ?? "codex-default";
        return new LedgerRecord(
            now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Lane, Provider, model,
            u.Input, u.Output, u.Reasoning, u.CachedInput,
            Math.Round(options.CodexPrices.Cost(u.Input, u.CachedInput, u.Output), 6),
            Math.Round(options.BaselinePrices.Cost(u.Input, u.CachedInput, u.Output), 6),
            (long)run.Elapsed.TotalMilliseconds, 1, null,
            run.Status == CodexRunStatus.Succeeded ? "ok" : "error",
            run.Status == CodexRunStatus.Succeeded ? null : run.Error);
    }

    public static void Append(string ledgerPath, LedgerRecord record) =>
        AtomicAppender.AppendLine(ledgerPath, JsonSerializer.Serialize(record, DispatchJsonContext.Default.LedgerRecord));

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
