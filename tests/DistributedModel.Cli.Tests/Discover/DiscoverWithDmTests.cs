using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Cli.Discover;
using DistributedModel.Cli.Report;
using DistributedModel.Cli.Tests.Support;
using DistributedModel.Core.Workspace;
using DistributedModel.Hooks.Routing;

namespace DistributedModel.Cli.Tests.Discover;

/// <summary>
/// <c>dm discover</c> on both transcripts of <see cref="ClaudeSessions"/> side by side — the session without dm and the one
/// the real hooks ran in — checked against the hooked session's <c>hooks.log</c> and what its model received.
/// </summary>
[Collection(RealClaudeCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DiscoverWithDmTests : IClassFixture<ClaudeSessions>
{
    private readonly ClaudeSessions _s;

    public DiscoverWithDmTests(ClaudeSessions sessions) => _s = sessions;

    private static int Bytes(string s) => Encoding.UTF8.GetByteCount(s);

    /// <summary>A Claude Code config directory holding both sessions' transcripts (and tool-results/) under the repository's slug.</summary>
    private string BothSessions()
    {
        var config = Path.Combine(_s.H.Root, "both-sessions-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var home in new[] { _s.PlainHome, _s.HookedHome })
        {
            var projects = Path.Combine(home, ".claude", "projects");
            foreach (var file in Directory.GetFiles(projects, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(config, "projects", Path.GetRelativePath(projects, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
        return config;
    }

    private DiscoverReport Analyze(string projectsDir) =>
        DiscoverAnalyzer.Analyze(projectsDir, _s.H.Repo, allProjects: false, days: 30, DateTimeOffset.UtcNow);

    private List<JsonObject> PostToolUseLines() => _s.HookLog.Where(l => l["event"]!.GetValue<string>() == "PostToolUse").ToList();

    [Fact]
    public void The_session_that_ran_with_the_hooks_is_read_back_from_hooks_log_and_its_sums_are_the_logged_ones()
    {
        var report = Analyze(Path.Combine(BothSessions(), "projects"));

        report.Sessions.Should().HaveCount(2);
        var plain = report.Replayed.Should().ContainSingle().Subject;
        var hooked = report.WithDm.Should().ContainSingle().Subject;
        plain.Results.Should().NotBeEmpty();
        hooked.Results.Should().BeEmpty("a session that ran with dm is not replayed (its results are already digests)");

        var logged = PostToolUseLines();
        var calls = hooked.DmCalls;
        calls.Select(c => c.Call.Tool).Should().Equal(logged.Select(l => l["tool"]!.GetValue<string>()), "one call per PostToolUse line; the failed call has none");
        for (int i = 0; i < calls.Count; i++)
        {
            var (c, line) = (calls[i], logged[i]);
            c.Logged.Should().NotBeNull($"{c.Call.Tool} {c.Call.Id} ran between its tool_use and its tool_result");
            c.RawBytes.Should().Be(line["in"]!.GetValue<long>());
            c.Logged!.OutputBytes.Should().Be(line["out"]!.GetValue<long>());
            c.Surfaced.Should().Be(line["surfaced"]!.GetValue<int>());
            c.DigestShown.Should().Be(line["outcome"]!.GetValue<string>() == "compressed", "the tool_result carries our header exactly when the hook compressed");
        }
        var received = _s.Hooked.SelectMany(q => q.ToolResults()).GroupBy(t => t.ToolUseId).ToDictionary(g => g.Key, g => g.Last().Text);
        foreach (var c in calls)
            c.ContextBytes.Should().Be(Bytes(received[c.Call.Id]), $"{c.Call.Tool} {c.Call.Id}: what the hooked session's model received");

        var dm = report.Dm;
        dm.RawBytes.Should().Be(logged.Sum(l => l["in"]!.GetValue<long>()));
        dm.Surfaced.Should().Be(logged.Sum(l => l["surfaced"]!.GetValue<int>()));
        dm.SurfacedErrors.Should().Be(logged.Sum(l => l["surfacedErrors"]!.GetValue<int>()));
        dm.SurfacedWarnings.Should().Be(logged.Sum(l => l["surfacedWarnings"]!.GetValue<int>()));
        dm.SurfacedErrors.Should().BeGreaterThan(0, "the build log's compiler errors were past the preview");
        dm.ContextBytes.Should().Be(calls.Sum(c => Bytes(received[c.Call.Id])));

        var alone = Analyze(_s.ProjectsDir);
        (report.ContextBefore, report.ContextAfter, report.Surfaced, report.Previews, report.Prompts, report.PromptsRouted)
            .Should().Be((alone.ContextBefore, alone.ContextAfter, alone.Surfaced, alone.Previews, alone.Prompts, alone.PromptsRouted),
                "the replay totals are the session without dm alone");
    }

    [Fact]
    public void What_Claude_Code_alone_would_have_shown_is_what_the_session_without_dm_actually_got_less_its_wrappers()
    {
        var report = Analyze(Path.Combine(BothSessions(), "projects"));

        // Same scripted work in both sessions: the same tool_use ids.
        var got = report.Replayed.Single().Results.ToDictionary(r => r.Call.Id, r => r.ContextBefore);
        foreach (var c in report.WithDm.Single().DmCalls)
        {
            long native = c.NativeBytes!.Value, actual = got[c.Call.Id];
            native.Should().BeLessThanOrEqualTo(actual, $"{c.Call.Tool} {c.Call.Id}: the baseline errs low (no preview wrapper, no line numbers)");
            native.Should().BeGreaterThan(actual / 2, $"{c.Call.Tool} {c.Call.Id}: and only by the wrapper — a Read went in whole, not as a 2 KB preview");
        }
    }

    [Fact]
    public void Without_its_hooks_log_the_digest_header_alone_tells_and_the_raw_store_still_gives_the_raw_sizes()
    {
        var hookedProjects = Path.Combine(_s.HookedHome, ".claude", "projects");
        var transcript = TranscriptReader.Read(Directory.GetFiles(hookedProjects, "*.jsonl", SearchOption.AllDirectories).Single());
        var replay = new HookReplay(_s.H.Repo, DateTimeOffset.UtcNow);
        var router = new PromptRouter(RoutingRulesLoader.Load(new WorkspacePaths(_s.H.Repo).ConfigFile).Rules);
        var compressed = PostToolUseLines().Where(l => l["outcome"]!.GetValue<string>() == "compressed").ToList();

        var headerOnly = DiscoverAnalyzer.Analyze(transcript, replay, router, trail: null);

        headerOnly.RanWithDm.Should().BeTrue("our digest header is in the results");
        headerOnly.Results.Should().BeEmpty();
        headerOnly.Dm.Logged.Should().Be(0);
        headerOnly.Dm.Digests.Should().Be(compressed.Count);
        headerOnly.Dm.RawKnown.Should().Be(0);

        // A copy of the repository with its raw store but no hooks.log: the header names the raw files.
        var copy = Path.Combine(_s.H.Root, "no-hooks-log-" + Guid.NewGuid().ToString("N")[..8]);
        var raw = new WorkspacePaths(_s.H.Repo).RawDir;
        var rawCopy = new WorkspacePaths(copy).RawDir;
        Directory.CreateDirectory(rawCopy);
        foreach (var f in Directory.GetFiles(raw)) File.Copy(f, Path.Combine(rawCopy, Path.GetFileName(f)));

        var fromRawStore = DiscoverAnalyzer.Analyze(transcript, replay, router, DmTrail.For(copy));

        fromRawStore.Dm.Logged.Should().Be(0);
        fromRawStore.DmCalls.Where(c => c.DigestShown).Select(c => c.RawBytes)
            .Should().Equal(compressed.Select(l => (long?)l["in"]!.GetValue<long>()), "the raw-store file is the output the hook logged as in");
        fromRawStore.Dm.NativeUnknown.Should().Be(compressed.Count, "without its hooks.log line a digest has no Claude-Code-alone figure");
    }

    [Fact]
    public async Task The_text_says_how_many_sessions_ran_with_and_without_dm_and_keeps_the_replay_estimate_of_the_one_without()
    {
        var config = BothSessions();
        var alone = await _s.H.RunAsync("discover");
        _s.H.SetEnv("CLAUDE_CONFIG_DIR", config);
        try
        {
            var page = Path.Combine(config, "discover.html");
            var run = await _s.H.RunAsync("discover", "--html", page);

            run.ExitCode.Should().Be(0, run.ToString());
            var report = Analyze(Path.Combine(config, "projects"));
            var dm = report.Dm;
            run.Out.Should().Contain("2 sessions of " + _s.H.Repo)
                .And.Contain("1 without dm (replayed), 1 with dm (read back, not replayed)")
                .And.Contain($"{Format.Bytes(dm.RawBytes)} raw → {Format.Bytes(dm.ContextBytes)} to the model")
                .And.Contain("model sees     " + ContextWords.Seen(dm.SurfacedErrors, dm.SurfacedWarnings) + " the 2 KB preview would have hidden, shown by dm")
                .And.NotContain("0.0%", "no digest is compressed a second time");
            foreach (var line in PostToolUseLines().Where(l => l["outcome"]!.GetValue<string>() == "compressed"))
                run.Out.Should().Contain($"{line["tool"]!.GetValue<string>()} {Format.Bytes(line["in"]!.GetValue<long>())} raw → ", "each digest's raw size is shown");
            Estimate(run.Out).Should().Be(Estimate(alone.Out), "the session with dm is not mixed into the replay estimate");
            var html = await File.ReadAllTextAsync(page);
            html.Should().Contain("1 without dm (replayed), 1 with dm (read back, not replayed)")
                .And.Contain($"<h3>What dm did in the 1 session(s) that ran with it</h3></div><p class=\"kpi-value\">{Format.Bytes(dm.RawBytes)} raw → {Format.Bytes(dm.ContextBytes)}</p>")
                .And.Contain("<td>ran with dm</td>");
        }
        finally
        {
            _s.H.SetEnv("CLAUDE_CONFIG_DIR", null);
        }
    }

    private static string Estimate(string output) => output.Split('\n').Single(l => l.StartsWith("  estimate", StringComparison.Ordinal));
}
