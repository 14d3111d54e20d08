using DistributedModel.Hooks.Routing;
using DistributedModel.Core.Workspace;
using DistributedModel.Providers.Pricing;

namespace DistributedModel.Cli.Discover;

/// <summary>
/// <c>dm discover</c>'s work: find the transcripts, read them, replay the PostToolUse hook on every Bash/Read/Grep/MCP
/// result (<see cref="HookReplay"/>) and the routing rules on every typed prompt (<see cref="PromptRouter"/>, with the
/// repository's <c>.claude/dm.json</c> overrides). A session that already ran with dm (our digest header in a result, or
/// a hooks.log line of the session's repository for one of its calls) is read back instead of replayed
/// (<see cref="DmCallFinding"/>). Reads only; writes nothing.
/// </summary>
public static class DiscoverAnalyzer
{
    /// <param name="repoRoot">The project (also where raw-store paths and dm.json come from).</param>
    /// <param name="allProjects">Every project under <paramref name="projectsDir"/>, not just <paramref name="repoRoot"/>.</param>
    /// <param name="environment">Where <c>BASH_MAX_OUTPUT_LENGTH</c> is read; the process environment by default.</param>
    public static DiscoverReport Analyze(string projectsDir, string repoRoot, bool allProjects, int days, DateTimeOffset now,
        Func<string, string?>? environment = null)
    {
        var paths = new WorkspacePaths(repoRoot);
        var (price, priceName, priceWarning) = OrchestratorPrice.For(paths);
        var report = new DiscoverReport
        {
            Scope = allProjects ? "all projects" : repoRoot, ProjectsDir = projectsDir, Days = days, Now = now,
            Price = price, PriceName = priceName,
        };
        if (priceWarning is not null) report.Warnings.Add(priceWarning);
        var routing = RoutingRulesLoader.Load(paths.ConfigFile);
        if (routing.Warning is not null) report.Warnings.Add(routing.Warning);
        var router = new PromptRouter(routing.Rules);
        var replay = new HookReplay(repoRoot, now, environment);
        if (replay.ConfigWarning is not null) report.Warnings.Add(replay.ConfigWarning);
        var since = now - TimeSpan.FromDays(days);
        var trails = new Dictionary<string, DmTrail>(StringComparer.Ordinal);

        foreach (var dir in TranscriptLocator.ProjectDirs(projectsDir, allProjects ? null : repoRoot))
        {
            foreach (var file in TranscriptLocator.Sessions(dir, since))
            {
                SessionTranscript transcript;
                try { transcript = TranscriptReader.Read(file); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    report.Warnings.Add($"{file}: cannot be read ({ex.GetType().Name})");
                    continue;
                }
                var root = transcript.Cwd is { Length: > 0 } cwd && Directory.Exists(cwd) ? cwd : repoRoot;
                if (!trails.TryGetValue(root, out var trail)) trails[root] = trail = DmTrail.For(root);
                report.Sessions.Add(Analyze(transcript, replay, router, trail));
            }
        }
        return report;
    }

    /// <param name="trail">hooks.log and raw store of the session's repository; without it only the digest header tells.</param>
    public static SessionFindings Analyze(SessionTranscript transcript, HookReplay replay, PromptRouter router, DmTrail? trail = null)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(replay);
        ArgumentNullException.ThrowIfNull(router);
        var findings = new SessionFindings { Transcript = transcript };
        var withDm = transcript.ToolCalls.Where(c => HookReplay.IsHookTool(c.Tool) && !c.IsError)
            .Select(c => DmCallFinding.From(c, trail?.Log.Claim(c), trail)).ToList();
        if (withDm.Any(c => c.Logged is not null || c.DigestShown)) findings.DmCalls.AddRange(withDm);
        foreach (var call in transcript.ToolCalls)
        {
            if (findings.RanWithDm)
            {
                if (!HookReplay.IsHookTool(call.Tool)) findings.OtherToolResults++;
                continue;
            }
            var r = replay.Replay(call, transcript.ToolResultsDir);
            if (r.Note == "not-matched") { findings.OtherToolResults++; continue; }
            findings.Results.Add(ToolResultFinding.From(call, r));
        }
        foreach (var prompt in transcript.Prompts)
        {
            var decision = router.Route(prompt);
            if (decision.Lanes.Count == 0) continue;
            findings.PromptsRouted++;
            foreach (var lane in decision.Lanes) findings.LaneHits[lane] = findings.LaneHits.GetValueOrDefault(lane) + 1;
        }
        return findings;
    }
}
