using System.CommandLine;
using DistributedModel.Cli.Discover;

namespace DistributedModel.Cli.Commands;

/// <summary><c>dm discover</c>: what Distributed Model would have done for the user's own past Claude Code sessions.</summary>
public static class DiscoverCommand
{
    public static Command Create(CliEnvironment env)
    {
        var repo = InstallCommands.RepoOption();
        var days = new Option<int>("--days")
        {
            Description = "Sessions written to in the last N days.",
            DefaultValueFactory = _ => 30,
        };
        days.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 3660) r.AddError("--days must be between 1 and 3660.");
        });
        var all = new Option<bool>("--all") { Description = "Every project's transcripts, not only the repository's." };
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML page with charts to FILE.", HelpName = "FILE" };
        var cmd = new Command("discover",
            "Read your past Claude Code sessions (~/.claude/projects/<project>/*.jsonl and their tool-results/, read-only) and show " +
            "what Distributed Model would have done: tool-result bytes into the context before/after (against what Claude Code " +
            "actually sent, 2 KB previews included), the error/warning lines the previews hid, the prompts the routing hint fits, " +
            "and a token/dollar estimate at the orchestrator's price. Writes nothing (except --html FILE).")
        {
            repo, days, all, html,
        };
        cmd.SetAction((r, ct) => CliApp.Guard(env, async () =>
        {
            var root = env.ResolveRepository(r.GetValue(repo));
            string? htmlPath = r.GetValue(html) is { } file ? env.ResolveOutputFile(file, "--html") : null;
            var report = DiscoverAnalyzer.Analyze(TranscriptLocator.ProjectsDir(env), root, r.GetValue(all), r.GetValue(days), env.Time.GetUtcNow(), env.GetEnvironmentVariable);
            TextDiscoverWriter.Write(report, env.Out);
            if (htmlPath is not null)
            {
                await File.WriteAllTextAsync(htmlPath, HtmlDiscoverWriter.Render(report), ct);
                await env.Out.WriteLineAsync($"HTML page: {htmlPath}");
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
