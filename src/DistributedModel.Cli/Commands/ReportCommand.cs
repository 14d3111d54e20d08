using System.CommandLine;
using DistributedModel.Cli.Report;

namespace DistributedModel.Cli.Commands;

/// <summary><c>dm report</c>.</summary>
public static class ReportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var repo = InstallCommands.RepoOption();
        var days = new Option<int>("--days")
        {
            Description = "Window length in days, ending now (7 = the day-7 review; 30 = the monthly cost review).",
            DefaultValueFactory = _ => 7,
        };
        days.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 3660) r.AddError("--days must be between 1 and 3660.");
        });
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report with charts to FILE.", HelpName = "FILE" };
        var cmd = new Command("report",
            "Review the window against the seed targets (context bytes, hook latency p95, specialist success without fallback, " +
            "consultant overturns, spend vs all-orchestrator baseline) from .claude/hooks.log, .claude/dm/ledger.jsonl and audits/, " +
            "and recommend promote (exit 0) or iterate (exit 1).")
        {
            repo, days, html,
        };
        cmd.SetAction((r, ct) => CliApp.Guard(env, async () =>
        {
            var root = env.ResolvePath(r.GetValue(repo)!);
            if (!Directory.Exists(root)) throw new UsageException($"repository directory {root} does not exist.");
            var review = ReviewLoader.Load(root, r.GetValue(days), env.Time.GetUtcNow(), env.Error);
            TextReportWriter.Write(review, env.Out);
            if (r.GetValue(html) is { } file)
            {
                var path = env.ResolvePath(file);
                var dir = Path.GetDirectoryName(path);
                if (!string.IsNullOrEmpty(dir) && !Directory.Exists(dir)) throw new UsageException($"directory of --html {path} does not exist.");
                await File.WriteAllTextAsync(path, HtmlReportWriter.Render(review, root), ct);
                await env.Out.WriteLineAsync($"HTML report: {path}");
            }
            return review.Promote ? ExitCodes.Ok : ExitCodes.CheckFailed;
        }));
        return cmd;
    }
}
