using DistributedModel.Cli.Tests.Support;

namespace DistributedModel.Cli.Tests.Report;

public sealed class ReportCommandTests : IDisposable
{
    private readonly CliHarness _h = new();
    private static readonly DateTimeOffset Now = CliHarness.Now;

    public void Dispose() => _h.Dispose();

    private static string Row(string output, string target) =>
        output.Split('\n').Single(l => l.StartsWith(target, StringComparison.Ordinal));

    /// <summary>
    /// Known numbers: 20 PostToolUse calls of 1000 → 200 bytes (80.0% reduction), latencies 1..20 ms (p95 = 19 ms);
    /// 10 UserPromptSubmit calls 10..100 ms (p95 = 100 ms); 40 requests, 37 first-try ok, 3 rescued by fallback (92.5%);
    /// spend 40 × $0.02 = $0.80 vs baseline 40 × $0.10 = $4.00 (−80.0%); audits AFFIRM ×2 + MODIFY in the window, REVERSE outside.
    /// Lines older than the window must not count.
    /// </summary>
    private void WriteKnownWeek()
    {
        var logs = new SyntheticLogs(_h.Repo);
        logs.Hook(Now.AddDays(-9), "PostToolUse", 9_999_999, 1, 5000); // outside the 7-day window
        logs.Call(Now.AddDays(-9), "consult", "openai", 100m, 1m, "error");
        for (int i = 1; i <= 20; i++) logs.Hook(Now.AddDays(-(i % 6)).AddMinutes(-i), "PostToolUse", 1000, 200, i);
        for (int i = 1; i <= 10; i++) logs.Hook(Now.AddHours(-i), "UserPromptSubmit", 100, 400, i * 10, "injected", null);
        for (int i = 0; i < 40; i++)
        {
            var ts = Now.AddDays(-5).AddMinutes(i * 30);
            if (i % 13 == 5) // i = 5, 18, 31
            {
                logs.Call(ts, "summarize", "gemini", 0m, 0m, "error");
                logs.Call(ts.AddSeconds(1), "summarize", "deepseek", 0.02m, 0.10m, "ok", "gemini");
            }
            else logs.Call(ts, i % 2 == 0 ? "scaffold" : "consult", i % 2 == 0 ? "deepseek" : "openai", 0.02m, 0.10m);
        }
        logs.Audit(DateOnly.FromDateTime(Now.AddDays(-1).UtcDateTime), "AFFIRM");
        logs.Audit(DateOnly.FromDateTime(Now.AddDays(-2).UtcDateTime), "AFFIRM", "tribunal");
        logs.Audit(DateOnly.FromDateTime(Now.AddDays(-3).UtcDateTime), "MODIFY");
        logs.Audit(DateOnly.FromDateTime(Now.AddDays(-12).UtcDateTime), "REVERSE");
        logs.Save();
    }

    [Fact]
    public async Task Report_prints_each_target_with_the_exact_measured_value_and_verdict()
    {
        WriteKnownWeek();

        var run = await _h.RunAsync("report");

        run.ExitCode.Should().Be(1, run.ToString());
        Row(run.Out, "Context bytes into orchestrator").Should().Contain("fewer bytes into context: 19.5 KB without dm -> 3.9 KB with dm (-80.0%), 19.5 KB raw").And.EndWith("PASS");
        Row(run.Out, "Hook latency p95 PostToolUse").Should().Contain("19 ms (n=20)").And.EndWith("PASS");
        Row(run.Out, "Hook latency p95 UserPromptSubmit").Should().Contain("100 ms (n=10)").And.EndWith("FAIL");
        Row(run.Out, "Specialist success without fallback").Should().Contain("92.5% (37/40)").And.EndWith("FAIL");
        Row(run.Out, "Consultant overturns").Should().Contain("1 of 3 consultant decisions (AFFIRM 2, MODIFY 1)").And.EndWith("PASS");
        Row(run.Out, "Spend vs all-orchestrator baseline").Should().Contain("$0.8000 vs $4.00 (-80.0%)").And.EndWith("PASS");
        run.Out.Should().Contain("Recommendation: ITERATE - 2 reasons:")
            .And.Contain("  - Hook latency p95 UserPromptSubmit: 100 ms (n=10) misses < 50 ms")
            .And.Contain("  - Specialist success without fallback: 92.5% (37/40) misses > 95.0%");
        run.Out.Should().Contain("Read 30 hook calls, 43 provider calls, 3 decision records");
        run.Out.Should().Contain("Hook outcomes: compressed 20, injected 10");
    }

    /// <summary>
    /// Issue 13 "Done when": truncations, degraded answers and unpriced calls are classes of their own in the report. The
    /// first three lines are as LaneClient writes them (copied from the Providers tests' ledgers: a truncated OpenAI answer
    /// retried, an unpriced gpt-6.2-sol); the fourth is the "degraded" outcome summarize's deterministic digest is recorded under. Must survive: each class's count, and the unpriced model named.
    /// </summary>
    [Fact]
    public async Task Truncated_degraded_and_unpriced_calls_are_counted_as_their_own_classes()
    {
        string Ts(int minutes) => Now.AddMinutes(-minutes).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        new SyntheticLogs(_h.Repo).RawLedgerText(string.Join("\n",
            $$"""{"ts":"{{Ts(50)}}","lane":"consult","provider":"openai","model":"gpt-6.1-terra","in":0,"out":0,"reasoning":0,"cached":0,"cost_usd":0,"baseline_usd":0,"ms":12.4,"attempts":1,"fallback_from":null,"outcome":"error","error":"truncated","detail":"openai gpt-6.1-terra: answer cut at max_output_tokens 4096 (status incomplete; reasoning tokens count against it); retrying with maxOutputTokens 8192"}""",
            $$"""{"ts":"{{Ts(49)}}","lane":"consult","provider":"openai","model":"gpt-6.1-terra","in":100,"out":20,"reasoning":0,"cached":0,"cost_usd":0.0002,"baseline_usd":0.001,"ms":8.1,"attempts":1,"fallback_from":null,"outcome":"ok","error":null,"detail":"answer after a truncated one, with maxOutputTokens 8192"}""",
            $$"""{"ts":"{{Ts(40)}}","lane":"consult","provider":"openai","model":"gpt-6.2-sol","in":100,"out":20,"reasoning":0,"cached":0,"cost_usd":null,"unpriced":true,"baseline_usd":0.001,"ms":7.5,"attempts":1,"fallback_from":null,"outcome":"ok","error":null,"detail":"no price for model gpt-6.2-sol: cost unknown (add it under prices in dm.json)"}""",
            $$"""{"ts":"{{Ts(30)}}","lane":"summarize","provider":"none","model":null,"in":0,"out":0,"reasoning":0,"cached":0,"cost_usd":0,"baseline_usd":0,"ms":3.2,"attempts":0,"fallback_from":"ollama","outcome":"degraded","error":"all_failed","detail":"no model answered: deterministic digest"}""") + "\n").Save();

        var run = await _h.RunAsync("report");

        run.Out.Should().Contain("Provider call classes: degraded 1, ok 1, truncated 1, unpriced 1");
        run.Out.Should().Contain("unpriced models (cost unknown, not in the spend above): gpt-6.2-sol");
    }

    /// <summary>
    /// Issue 30.5: a codex run without a price is booked unpriced (cost_usd null, never $0) and a local Ollama review at $0
    /// by rule is marked local; the lines are as CodexLedger and LaneClient write them (see CodexLedgerTests, LedgerTests).
    /// Must survive: the codex model listed as unpriced with where its price goes, the local calls named, the priced spend alone summed.
    /// </summary>
    [Fact]
    public async Task An_unpriced_codex_run_is_listed_apart_and_a_local_review_is_zero_by_rule()
    {
        string Ts(int minutes) => Now.AddMinutes(-minutes).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        new SyntheticLogs(_h.Repo).RawLedgerText(string.Join("\n",
            $$"""{"ts":"{{Ts(50)}}","lane":"dispatch","provider":"codex","model":"codex-default","in":120000,"out":4000,"reasoning":900,"cached":80000,"cost_usd":null,"unpriced":true,"baseline_usd":0.3,"ms":61000,"attempts":1,"fallback_from":null,"outcome":"ok","error":null,"detail":"no price for codex model codex-default: cost unknown (set dispatch.codexPrices in ~/.claude/dm.json)"}""",
            $$"""{"ts":"{{Ts(49)}}","lane":"review","provider":"ollama","model":"glm-4.7-flash","in":9000,"out":700,"reasoning":0,"cached":0,"cost_usd":0,"local":true,"baseline_usd":0.06,"ms":9000,"attempts":1,"fallback_from":null,"outcome":"ok","error":null,"detail":"local model: $0 by rule, not a price"}""",
            $$"""{"ts":"{{Ts(48)}}","lane":"summarize","provider":"gemini","model":"gemini-3.8-flash","in":1000,"out":300,"reasoning":0,"cached":0,"cost_usd":0.18,"baseline_usd":0.01,"ms":800,"attempts":1,"fallback_from":null,"outcome":"ok","error":null}""") + "\n").Save();

        var run = await _h.RunAsync("report");

        run.Out.Should().Contain("unpriced models (cost unknown, not in the spend above): codex-default; add them under prices in dm.json (codex: dispatch.codexPrices in ~/.claude/dm.json)");
        run.Out.Should().Contain("Provider call classes: ok 2, unpriced 1");
        Row(run.Out, "  codex ").Should().Contain("1 unpriced");
        Row(run.Out, "  ollama ").Should().Contain("1 local at $0 by rule").And.NotContain("unpriced");
        Row(run.Out, "  gemini ").Should().NotContain("local").And.NotContain("unpriced");
    }

    /// <summary>Issue 26 item 6: the ledger and hooks.log are written from data a repository or a model controls; `dm report`
    /// printed their terminal escapes raw (OSC 52 writes the clipboard, OSC 0 the window title, CSI 2J clears the screen).</summary>
    [Fact]
    public async Task Terminal_escapes_in_the_ledger_are_printed_as_visible_text_never_raw()
    {
        string Ts(int minutes) => Now.AddMinutes(-minutes).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        const string Hostile = """gpt\u001b]52;c;Y3VybCBldmlsIHwgc2g=\u0007\u001b]0;pwned\u0007\u001b[2J\u009b31m"""; // JSON escapes
        new SyntheticLogs(_h.Repo).RawLedgerText(
            $$"""{"ts":"{{Ts(40)}}","lane":"consult","provider":"openai","model":"{{Hostile}}","in":100,"out":20,"reasoning":0,"cached":0,"cost_usd":null,"unpriced":true,"baseline_usd":0.001,"ms":7.5,"attempts":1,"fallback_from":null,"outcome":"ok","error":null,"detail":"x"}""" + "\n").Save();

        var run = await _h.RunAsync("report");

        run.Out.Should().Contain("gpt\\x1B]52;c;Y3VybCBldmlsIHwgc2g=\\x07\\x1B]0;pwned\\x07\\x1B[2J\\u009B31m", "the model name is shown, its escapes made visible");
        run.Out.Should().NotContain("\u001b").And.NotContain("\u0007").And.NotContain("\u009b");
    }

    [Fact]
    public async Task A_passing_week_recommends_promote_with_exit_code_zero()
    {
        SyntheticLogs.WritePassingWeek(_h.Repo, Now);

        var run = await _h.RunAsync("report");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain("Recommendation: PROMOTE").And.Contain("dm promote");
        run.Out.Should().NotContain("FAIL");
        Row(run.Out, "Specialist success without fallback").Should().Contain("98.0% (49/50)");
    }

    [Fact]
    public async Task A_window_shorter_than_seven_days_recommends_iterate_even_when_targets_pass()
    {
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        _h.Clock.Advance(TimeSpan.FromDays(3));
        SyntheticLogs.WritePassingWeek(_h.Repo, _h.Clock.GetUtcNow());

        var run = await _h.RunAsync("report");

        run.ExitCode.Should().Be(1);
        run.Out.Should().Contain("Recommendation: ITERATE - the validation window has run 3.0 of 7 days");
        run.Out.Should().Contain("Validation window started 2026-11-23 12:00 UTC (3.0 days ago)");
    }

    [Fact]
    public async Task Monthly_review_counts_thirty_days()
    {
        WriteKnownWeek();

        var run = await _h.RunAsync("report", "--days", "30");

        run.Out.Should().Contain("(30 days, monthly cost review)");
        Row(run.Out, "Consultant overturns").Should().Contain("2 of 4 consultant decisions (AFFIRM 2, MODIFY 1, REVERSE 1)");
        Row(run.Out, "Spend vs all-orchestrator baseline").Should().Contain("$100.80 vs $5.00 (+1916.0%)").And.EndWith("FAIL");
    }

    [Fact]
    public async Task Hand_written_design_records_are_not_counted_as_consultant_overturns()
    {
        var logs = new SyntheticLogs(_h.Repo);
        logs.Audit(DateOnly.FromDateTime(Now.AddDays(-1).UtcDateTime), "MODIFY", kind: "design", providers: "people");
        logs.Audit(DateOnly.FromDateTime(Now.AddDays(-1).UtcDateTime), "AFFIRM");
        logs.Save();

        var run = await _h.RunAsync("report");

        Row(run.Out, "Consultant overturns").Should().Contain("0 of 1 consultant decisions (AFFIRM 1)").And.EndWith("FAIL");
    }

    [Fact]
    public async Task No_logs_at_all_is_no_data_and_iterate_not_a_crash()
    {
        var run = await _h.RunAsync("report");

        run.ExitCode.Should().Be(1, run.ToString());
        Row(run.Out, "Context bytes into orchestrator").Should().EndWith("NO DATA");
        Row(run.Out, "Hook latency p95 PostToolUse").Should().EndWith("NO DATA");
        Row(run.Out, "Specialist success without fallback").Should().EndWith("NO DATA");
        Row(run.Out, "Consultant overturns").Should().Contain("0 of 0 consultant decisions").And.EndWith("FAIL");
        run.Out.Should().Contain("Recommendation: ITERATE");
    }

    [Fact]
    public async Task Empty_log_files_are_handled_like_missing_ones()
    {
        _h.WriteRepo(".claude/hooks.log", "");
        _h.WriteRepo(".claude/dm/ledger.jsonl", "\n\n");
        Directory.CreateDirectory(_h.RepoFile("audits"));

        var run = await _h.RunAsync("report");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Out.Should().Contain("Read 0 hook calls, 0 provider calls, 0 decision records").And.NotContain("skipped");
    }

    [Fact]
    public async Task The_context_saving_is_measured_against_what_Claude_Code_alone_would_have_shown()
    {
        // Without the hook, a 400 KB output over the 30,000-character limit reaches the model as a 2 KB preview, and a
        // 20 KB one whole: the honest baseline is 2 KB + 20 KB, not 420 KB. The 8 KB digest of the first is more than the
        // preview (it carries the 12 errors and warnings the preview hid); the second shrinks to 4 KB.
        var logs = new SyntheticLogs(_h.Repo);
        logs.Hook(Now.AddHours(-2), "PostToolUse", 400 * 1024, 8 * 1024, 4, limit: 30_000, surfaced: 12);
        logs.Hook(Now.AddHours(-1), "PostToolUse", 20 * 1024, 4 * 1024, 4, limit: 30_000, surfaced: 0);
        logs.Save();

        var run = await _h.RunAsync("report");

        // (2,048 + 20,480) bytes without dm -> 12,288 with dm: 45.5 % less, on 420 KB raw.
        Row(run.Out, "Context bytes into orchestrator").Should().Contain("10.0 KB fewer bytes into context: 22.0 KB without dm -> 12.0 KB with dm (-45.5%), 420.0 KB raw; the model saw 12 error/warning lines the preview hid")
            .And.EndWith("FAIL", "45.5 % is under the 50 % target");
    }

    [Fact]
    public async Task Truncated_last_lines_are_skipped_and_counted_and_the_rest_is_exact()
    {
        var logs = new SyntheticLogs(_h.Repo);
        logs.Hook(Now.AddHours(-2), "PostToolUse", 4096, 1024, 4);
        logs.Hook(Now.AddHours(-1), "PostToolUse", 4096, 1024, 6);
        logs.RawHookText("{\"ts\":\"2026-11-23T11:59:59.000Z\",\"event\":\"PostToolUse\",\"tool\":\"Ba");
        logs.Call(Now.AddHours(-1), "summarize", "gemini", 0.5m, 1m);
        logs.RawLedgerText("{\"ts\":\"2026-11-23T11:59:59.000Z\",\"lane\":\"summ");
        logs.Save();

        var run = await _h.RunAsync("report");

        run.Out.Should().Contain("Read 2 hook calls, 1 provider calls, 0 decision records; skipped 2 unreadable line(s)");
        Row(run.Out, "Context bytes into orchestrator").Should().Contain("6.0 KB fewer bytes into context: 8.0 KB without dm -> 2.0 KB with dm (-75.0%), 8.0 KB raw");
        Row(run.Out, "Hook latency p95 PostToolUse").Should().Contain("6.0 ms (n=2)");
        Row(run.Out, "Spend vs all-orchestrator baseline").Should().Contain("$0.5000 vs $1.00 (-50.0%)");
    }

    [Fact]
    public async Task Days_out_of_range_is_a_usage_error()
    {
        var run = await _h.RunAsync("report", "--days", "0");

        run.ExitCode.Should().Be(2);
        run.Err.Should().Contain("--days must be between 1 and 3660");
    }

    [Fact]
    public async Task Html_option_writes_the_report_file()
    {
        WriteKnownWeek();

        var run = await _h.RunAsync("report", "--html", "out/report.html");

        run.ExitCode.Should().Be(2, "the out/ directory does not exist");
        Directory.CreateDirectory(_h.RepoFile("out"));
        run = await _h.RunAsync("report", "--html", "out/report.html");
        run.ExitCode.Should().Be(1);
        File.ReadAllText(_h.RepoFile("out/report.html")).Should().StartWith("<!DOCTYPE html>");
        run.Out.Should().Contain("HTML report: " + _h.RepoFile("out/report.html"));
    }
}
