using System.Globalization;
using System.Text;
using System.Text.Json;
using DistributedModel.Core.Ledger;
using DistributedModel.Core.Logging;
using DistributedModel.Hooks.Logging;

namespace DistributedModel.Cli.Tests.Support;

/// <summary>Writes hooks.log, ledger and audits/ lines in the shared formats, with known numbers.</summary>
public sealed class SyntheticLogs(string repo)
{
    private readonly StringBuilder _hooks = new();
    private readonly StringBuilder _ledger = new();
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public SyntheticLogs Hook(DateTimeOffset ts, string ev, long inBytes, long outBytes, double ms, string outcome = "compressed", string? tool = "Bash",
        int? limit = null, int? surfaced = null)
    {
        // The hooks' own line writer: the report is tested on the bytes the hooks write.
        _hooks.Append(Encoding.UTF8.GetString(HookLogLine.ToUtf8(new HookLogRecord
        {
            Timestamp = ts, Event = ev, Tool = tool, InputBytes = inBytes, OutputBytes = outBytes, ElapsedMs = ms, Outcome = outcome, Limit = limit, Surfaced = surfaced,
        }))).Append('\n');
        return this;
    }

    public SyntheticLogs Call(DateTimeOffset ts, string lane, string provider, decimal cost, decimal baseline,
        string outcome = "ok", string? fallbackFrom = null, long inTokens = 1000, long outTokens = 200)
    {
        // The ledger's own record and context, as LedgerWriter serializes them.
        _ledger.Append(JsonSerializer.Serialize(new LedgerRecord
        {
            Ts = ts.UtcDateTime.ToString(UtcMillisecondsConverter.Format, C), Lane = lane, Provider = provider, Model = "m-1",
            In = inTokens, Out = outTokens, CostUsd = cost, BaselineUsd = baseline, Ms = 812, Attempts = 1, FallbackFrom = fallbackFrom,
            Outcome = outcome, Error = outcome == LedgerOutcome.Ok ? null : "http_503",
        }, LedgerJsonContext.Default.LedgerRecord)).Append('\n');
        return this;
    }

    public SyntheticLogs Audit(DateOnly date, string verdict, string kind = "consult", string providers = "openai", string slug = "decision")
    {
        var path = Path.Combine(repo, "audits", $"{date:yyyy-MM-dd}-{slug}-{Guid.NewGuid():N}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"---\ndate: {date:yyyy-MM-dd}\nkind: {kind}            # or tribunal\nverdict: {verdict}\nproviders: {providers}\n---\n\n# A decision\n\nBody.\n");
        return this;
    }

    /// <summary>Appends raw text to hooks.log (e.g. a truncated last line).</summary>
    public SyntheticLogs RawHookText(string text)
    {
        _hooks.Append(text);
        return this;
    }

    public SyntheticLogs RawLedgerText(string text)
    {
        _ledger.Append(text);
        return this;
    }

    public void Save()
    {
        var hooks = Path.Combine(repo, ".claude", "hooks.log");
        var ledger = Path.Combine(repo, ".claude", "dm", "ledger.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(ledger)!);
        File.WriteAllText(hooks, _hooks.ToString());
        File.WriteAllText(ledger, _ledger.ToString());
    }

    /// <summary>A week that meets every target: 80% reduction, fast hooks, 98% first-try success, overturns, -80% spend.</summary>
    public static void WritePassingWeek(string repo, DateTimeOffset now)
    {
        var logs = new SyntheticLogs(repo);
        logs.Hook(now.AddDays(-8), "PostToolUse", 100, 100, 1, "passthrough"); // the first day of use: the window has run 8 days
        for (int d = 7; d >= 1; d--)
        {
            var day = now.AddDays(-d).AddHours(1);
            for (int i = 0; i < 5; i++)
            {
                logs.Hook(day.AddMinutes(i), "PostToolUse", 100_000, 20_000, 3 + i);
                logs.Hook(day.AddMinutes(i), "UserPromptSubmit", 300, 500, 2, "injected", null);
            }
        }
        for (int i = 0; i < 50; i++)
        {
            var ts = now.AddDays(-6).AddHours(i * 2);
            if (i == 10)
            {
                logs.Call(ts, "summarize", "gemini", 0m, 0m, "error");
                logs.Call(ts.AddSeconds(2), "summarize", "deepseek", 0.01m, 0.05m, "ok", "gemini");
            }
            else logs.Call(ts, i % 3 == 0 ? "consult" : "summarize", i % 3 == 0 ? "openai" : "gemini", 0.01m, 0.05m);
        }
        logs.Audit(DateOnly.FromDateTime(now.AddDays(-3).UtcDateTime), "AFFIRM");
        logs.Audit(DateOnly.FromDateTime(now.AddDays(-2).UtcDateTime), "MODIFY", "tribunal", "openai,gemini,deepseek");
        logs.Save();
    }
}
