using System.Text;
using DistributedModel.Cli.Discover;
using DistributedModel.Cli.Report;
using DistributedModel.Cli.Tests.Support;
using DistributedModel.Core.Workspace;

namespace DistributedModel.Cli.Tests.Discover;

/// <summary>
/// <c>dm discover</c> on transcripts the real Claude Code CLI wrote (see <see cref="ClaudeSessions"/>), checked against
/// what actually entered the context (the fake API's captured requests) and what the real hooks did on the same outputs
/// (their hooks.log lines and the hooked session's requests).
/// </summary>
[Collection(RealClaudeCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DiscoverEndToEndTests : IClassFixture<ClaudeSessions>
{
    private readonly ClaudeSessions _s;

    public DiscoverEndToEndTests(ClaudeSessions sessions) => _s = sessions;

    private DiscoverReport Analyze(string? projectsDir = null) =>
        DiscoverAnalyzer.Analyze(projectsDir ?? _s.ProjectsDir, _s.H.Repo, allProjects: false, days: 30, DateTimeOffset.UtcNow);

    private static int Bytes(string s) => Encoding.UTF8.GetByteCount(s);

    [Fact]
    public void The_baseline_is_exactly_what_Claude_Code_sent_to_the_model_previews_included()
    {
        var report = Analyze();

        var session = report.Sessions.Should().ContainSingle().Subject;
        session.Transcript.UnknownTypes.Should().BeEmpty("every record type the pinned Claude Code writes is known");
        session.Transcript.UnreadableLines.Should().Be(0);
        var sent = _s.Plain.SelectMany(r => r.ToolResults()).GroupBy(t => t.ToolUseId).ToDictionary(g => g.Key, g => g.Last().Text);
        session.Results.Select(r => r.Call.Tool).Should().Equal("Bash", "Read", "Grep", "Bash", "Bash");
        foreach (var r in session.Results)
            r.ContextBefore.Should().Be(Bytes(sent[r.Call.Id]), $"{r.Call.Tool} {r.Call.Id}: the baseline is the tool_result the model received");
        var build = session.Results[0];
        build.WasPreview.Should().BeTrue("a 200 KB output is over Claude Code's 30,000-character limit");
        sent[build.Call.Id].Should().StartWith(ToolResultFinding.PreviewMarker);
        build.Replay.InputBytes.Should().Be(Bytes(_s.Build.Text), "the full output is read from the session's tool-results/ file, not the preview");
        session.Results.Count(r => r.WasPreview).Should().Be(1);
        session.Results[3].Call.IsError.Should().BeTrue();
        session.Results[3].Replay.Ran.Should().BeFalse("PostToolUse does not run for a failed call");
    }

    [Fact]
    public void The_replay_logs_the_same_bytes_in_and_out_as_the_real_hooks_did_on_the_same_outputs()
    {
        var report = Analyze();

        var replayed = report.Sessions.Single().Results.Where(r => r.Replay.Ran).ToList();
        var logged = _s.HookLog.Where(l => l["event"]!.GetValue<string>() == "PostToolUse").ToList();
        logged.Select(l => l["tool"]!.GetValue<string>()).Should().Equal(replayed.Select(r => r.Call.Tool), "the failed call has no PostToolUse line");
        for (int i = 0; i < logged.Count; i++)
        {
            var (line, r) = (logged[i], replayed[i]);
            string what = $"{r.Call.Tool} #{i}: {line.ToJsonString()}";
            r.Replay.InputBytes.Should().Be(line["in"]!.GetValue<long>(), what);
            r.Replay.OutputBytes.Should().Be(line["out"]!.GetValue<long>(), what);
            r.Replay.Compressed.Should().Be(line["outcome"]!.GetValue<string>() == "compressed", what);
        }
        replayed.Count(r => r.Replay.Compressed).Should().BeGreaterThanOrEqualTo(2, "the build log and the service log are compressible");

        // What the hooked session's model received for the build log is what discover says dm would have sent.
        var hookedBuild = _s.Hooked.SelectMany(q => q.ToolResults()).Last(t => t.ToolUseId == replayed[0].Call.Id).Text;
        replayed[0].Replay.OursText.TrimEnd().Should().Be(hookedBuild.TrimEnd());
        replayed[0].ContextAfter.Should().Be(Bytes(replayed[0].Replay.OursText));
    }

    [Fact]
    public void Errors_the_preview_hid_are_counted_as_the_real_hook_counted_them_and_none_is_lost()
    {
        var report = Analyze();

        var build = report.Sessions.Single().Results[0];
        var preview = _s.Plain.SelectMany(r => r.ToolResults()).Last(t => t.ToolUseId == build.Call.Id).Text;
        var errorLines = _s.Build.MustSurvive.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
        errorLines.Should().HaveCount(ClaudeSessions.BuildErrors);
        var hidden = errorLines.Where(l => !preview.Contains(l, StringComparison.Ordinal)).ToList();
        hidden.Should().NotBeEmpty("the 2 KB preview is the head of the log");
        foreach (var line in errorLines) build.Replay.OursText.Should().Contain(line, "dm's text for the context keeps every compiler error");
        build.Surfaced.Should().BeGreaterThanOrEqualTo(hidden.Count, "every compiler error the preview hid is surfaced");
        var logged = _s.HookLog.First(l => l["event"]!.GetValue<string>() == "PostToolUse");
        build.Surfaced.Should().Be(logged["surfaced"]!.GetValue<int>(), "the real hook counted the same lines");
        build.Replay.KeptErrors.Should().Be(logged["errors"]!.GetValue<int>());
        build.Replay.KeptWarnings.Should().Be(logged["warnings"]!.GetValue<int>());
        report.Lost.Should().Be(0, "the compressor keeps every error and warning line");
    }

    [Fact]
    public void Routing_fires_where_the_real_UserPromptSubmit_hook_injected()
    {
        var report = Analyze();

        var injected = _s.HookLog.Single(l => l["event"]!.GetValue<string>() == "UserPromptSubmit");
        injected["outcome"]!.GetValue<string>().Should().Be("injected");
        var lanes = injected["detail"]!.GetValue<string>().Split(';')[0]["lanes=".Length..].Split(',');
        var session = report.Sessions.Single();
        session.Transcript.Prompts.Should().Equal(ClaudeSessions.Prompt);
        session.PromptsRouted.Should().Be(1);
        session.LaneHits.Keys.Should().BeEquivalentTo(lanes);
    }

    [Fact]
    public async Task The_command_prints_the_report_writes_only_the_html_file_and_leaves_transcripts_and_repo_untouched()
    {
        var home = CliHarness.Snapshot(_s.PlainHome);
        var repo = CliHarness.Snapshot(_s.H.Repo);
        var html = Path.Combine(_s.H.Root, "discover.html");

        var run = await _s.H.RunAsync("discover", "--html", html);

        run.ExitCode.Should().Be(0, run.ToString());
        CliHarness.Snapshot(_s.PlainHome).Should().Equal(home);
        CliHarness.Snapshot(_s.H.Repo).Should().Equal(repo);
        var report = Analyze();
        run.Out.Should().Contain("1 session of " + _s.H.Repo)
            .And.Contain("Bash 3").And.Contain("Read 1").And.Contain("Grep 1")
            .And.Contain("1 result over Claude Code's limit reached the model only as a 2 KB preview")
            .And.Contain($"{ContextWords.Change(report.ContextBefore, report.ContextAfter)} with dm ({Format.Bytes(report.ContextBefore)} → {Format.Bytes(report.ContextAfter)}, ")
            .And.Contain($"{ContextWords.Seen(report.SurfacedErrors, report.SurfacedWarnings)} the 2 KB previews hid, shown by dm")
            .And.Contain("hint on 1 of 1 prompt: summarize")
            .And.Contain("Claude Opus 5 list price: $5.00 per 1M input tokens").And.Contain("UTF-8 bytes ÷ 4");
        var page = await File.ReadAllTextAsync(html);
        page.Should().StartWith("<!DOCTYPE html>").And.Contain("<svg").And.Contain("Context per session").And.NotContain("<script");
    }

    [Fact]
    public async Task A_damaged_transcript_with_unknown_records_and_a_truncated_last_line_is_read_as_far_as_it_goes()
    {
        var damaged = Path.Combine(_s.H.Root, "damaged-config");
        var source = Path.Combine(_s.PlainHome, ".claude");
        foreach (var file in Directory.GetFiles(Path.Combine(source, "projects"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(damaged, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var transcript = Directory.GetFiles(Path.Combine(damaged, "projects"), "*.jsonl", SearchOption.AllDirectories).Single();
        var lines = File.ReadAllLines(transcript).ToList();
        var last = lines[^1];
        lines.Insert(3, """{"type":"dm-future-record","payload":{"nested":[1,2,3]}}""");
        lines.Insert(5, """{"type":"another-new-kind"}""");
        lines.Insert(7, "[1,2,3]");
        lines[^1] = last[..(last.Length / 2)]; // a writer cut off mid-line
        await File.WriteAllTextAsync(transcript, string.Join('\n', lines));
        _s.H.SetEnv("CLAUDE_CONFIG_DIR", damaged);
        try
        {
            var run = await _s.H.RunAsync("discover");

            run.ExitCode.Should().Be(0, run.ToString());
            run.Out.Should().Contain("unknown record types skipped: ").And.Contain("dm-future-record ×1").And.Contain("another-new-kind ×1")
                .And.Contain("2 unreadable lines skipped");
            var intact = Analyze().Sessions.Single();
            var read = Analyze(Path.Combine(damaged, "projects")).Sessions.Single();
            read.Transcript.UnreadableLines.Should().Be(2, "the JSON array line and the cut-off last line");
            read.Results.Select(r => (r.Call.Id, r.ContextBefore, r.ContextAfter)).Should().Equal(
                intact.Results.Select(r => (r.Call.Id, r.ContextBefore, r.ContextAfter)), "the damage hit no tool call");
        }
        finally
        {
            _s.H.SetEnv("CLAUDE_CONFIG_DIR", null);
        }
    }
}
