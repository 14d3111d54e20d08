using System.Globalization;
using System.Text.Json;
using DistributedModel.Core.Workspace;
using DistributedModel.Core.Logging;
using DistributedModel.Core.Ledger;

namespace DistributedModel.Providers.Ledger;

/// <summary>Appends ledger lines with one atomic write each; reads today's spend for budget caps.</summary>
internal sealed class LedgerWriter(WorkspacePaths paths)
{
    public string Path => paths.Ledger;

    public void Append(LedgerRecord record)
    {
        var line = JsonSerializer.Serialize(record, LedgerJsonContext.Default.LedgerRecord);
        AtomicAppender.AppendLine(paths.PrepareWrite(paths.Ledger), line);
    }

    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Sum of <c>cost_usd</c> of this lane's lines dated <paramref name="day"/> (UTC). Unreadable lines are skipped.</summary>
    public decimal SpentOn(string lane, DateOnly day)
    {
        if (!File.Exists(paths.Ledger)) return 0m;
        var prefix = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        decimal sum = 0m;
        using var stream = new FileStream(paths.Ledger, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (!line.Contains(prefix, StringComparison.Ordinal) || !line.Contains(lane, StringComparison.Ordinal)) continue;
            try
            {
                var r = JsonSerializer.Deserialize(line, LedgerJsonContext.Default.LedgerRecord);
                if (r is not null && r.Lane == lane && r.Ts.StartsWith(prefix, StringComparison.Ordinal)) sum += r.CostUsd ?? 0m;
            }
            catch (JsonException) { }
        }
        return sum;
    }
}
