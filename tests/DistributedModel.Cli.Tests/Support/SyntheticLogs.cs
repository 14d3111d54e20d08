using System.Globalization;
using System.Text;

namespace DistributedModel.Cli.Tests.Support;

/// <summary>Writes hooks.log, ledger and audits/ lines in the shared formats, with known numbers.</summary>
public sealed class SyntheticLogs(string repo)
{
    private readonly StringBuilder _hooks = new();
    private readonly StringBuilder _ledger = new();
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public SyntheticLogs Hook(DateTimeOffset ts, string ev, long inBytes, long outBytes, double ms, string outcome = "compressed", string? tool = "Bash")
    {
        _hooks.Append(C, $"{{\"ts\":\"{ts.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\",\"event\":\"{ev}\",")
              .Append(tool is null ? "" : $"\"tool\":\"{tool}\",")
              .Append(C, $"\"in\":{inBytes},\"out\":{outBytes},\"ms\":{ms.ToString(C)},\"outcome\":\"{outcome}\"}}\n");
        return this;
    }

    public SyntheticLogs Call(DateTimeOffset ts, string lane, string provider, decimal cost, decimal baseline,
        string outcome = "ok", string? fallbackFrom = null, long inTokens = 1000, long outTokens = 200)
    {
        var fb = fallbackFrom is null ? "null" : $"\"{fallbackFrom}\"";
        var err = outcome == "ok" ? "null" : "\"http_503\"";
        _ledger.Append(C, $"{{\"ts\":\"{ts.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\",\"lane\":\"{lane}\",\"provider\":\"{provider}\",\"model\":\"m-1\",")
               .Append(C, $"\"in\":{inTokens},\"out\":{outTokens},\"reasoning\":0,\"cached\":0,\"cost_usd\":{cost.ToString(C)},\"baseline_usd\":{baseline.ToString(C)},")
               .Append(C, $"\"ms\":812,\"attempts\":1,\"fallback_from\":{fb},\"outcome\":\"{outcome}\",\"error\":{err}}}\n");
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
