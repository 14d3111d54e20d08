using Microsoft.Extensions.DependencyInjection;
using DistributedModel.Providers.Ledger;
using DistributedModel.Testing.Providers;
using DistributedModel.Core.Ledger;

namespace DistributedModel.Providers.Tests.Ledger;

public sealed class LedgerTests : ProviderTestBase
{
    [Fact]
    public async Task Ok_line_has_tokens_and_cost_computed_exactly_from_usage_and_price_table()
    {
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Usage = new FakeUsage(Input: 1000, Output: 300, Reasoning: 100, Cached: 200);
        using var host = Host(gemini: gemini);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "s", "u"));

        // gemini-3.8-flash .75/.075/3.75 per 1M: 800×.75 + 200×.075 + 300×3.75 = 1740 µ$
        r.CostUsd.Should().Be(0.00174m);
        var line = host.LedgerLines().Should().ContainSingle().Subject;
        line.Should().BeEquivalentTo(new
        {
            Lane = "summarize", Provider = "gemini", Model = "gemini-3.8-flash", In = 1000L, Out = 300L, Reasoning = 100L, Cached = 200L,
            CostUsd = 0.00174m, Attempts = 1, FallbackFrom = (string?)null, Outcome = "ok", Error = (string?)null,
        });
        // Claude Opus baseline 5/.50/25: 800×5 + 200×.5 + 300×25 = 11600 µ$
        line.BaselineUsd.Should().Be(0.0116m);
        line.Ts.Should().Be("2026-11-23T12:00:00.000Z");
        line.Ms.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Raw_line_uses_the_contract_field_names_and_never_the_prompt()
    {
        await using var ollama = await FakeOllama.StartAsync();
        using var host = Host(ollama: ollama);

        await host.Lanes.CompleteAsync(new LaneRequest("review", "SYSTEM-SECRET-PROMPT", "USER-SECRET-PROMPT"));

        var raw = File.ReadAllText(host.Paths.Ledger);
        raw.Should().EndWith("\n");
        foreach (var field in new[] { "ts", "lane", "provider", "model", "in", "out", "reasoning", "cached", "cost_usd", "baseline_usd", "ms", "attempts", "fallback_from", "outcome", "error" })
            raw.Should().Contain($"\"{field}\":");
        raw.Should().NotContain("SECRET-PROMPT");
    }

    [Fact]
    public async Task A_local_ollama_line_is_zero_by_rule_and_marked_local_a_cloud_line_is_not()
    {
        await using var ollama = await FakeOllama.StartAsync();
        await using var gemini = await FakeGemini.StartAsync();
        using var host = Host(ollama: ollama, gemini: gemini);

        await host.Lanes.CompleteAsync(new LaneRequest("review", "", "u"));
        await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "u"));

        var lines = File.ReadAllLines(host.Paths.Ledger);
        lines.Should().HaveCount(2);
        lines[0].Should().Contain("\"provider\":\"ollama\"").And.Contain("\"cost_usd\":0").And.Contain("\"local\":true")
            .And.Contain("$0 by rule").And.NotContain("\"unpriced\"");
        lines[1].Should().Contain("\"provider\":\"gemini\"").And.NotContain("\"local\"");
        var parsed = host.LedgerLines();
        parsed[0].Local.Should().BeTrue();
        parsed[1].Local.Should().BeNull();
    }

    [Fact]
    public async Task Price_override_from_the_users_dm_json_and_baseline_override_are_used()
    {
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Usage = new FakeUsage(1_000_000, 1_000_000);
        Workspace.Write(".test-home/.claude/dm.json", """
            {"prices": {"gemini-3.8-flash": {"input": 1, "cached": 0.1, "output": 2, "asOf": "2026-11-20"},
                        "baseline": {"input": 3, "cached": 0.3, "output": 15}}}
            """);
        using var host = Host(gemini: gemini);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "u"));

        r.CostUsd.Should().Be(3m);
        host.LedgerLines().Single().BaselineUsd.Should().Be(18m);
    }

    [Fact]
    public async Task A_projects_prices_are_ignored_so_it_cannot_book_its_calls_at_zero_and_the_host_says_so()
    {
        await using var gemini = await FakeGemini.StartAsync();
        gemini.Usage = new FakeUsage(1_000_000, 1_000_000);
        using var plain = Host(gemini: gemini);
        var listed = (await plain.Lanes.CompleteAsync(new LaneRequest("summarize", "", "u"))).CostUsd;
        plain.Dispose();
        using var host = Host(gemini: gemini, dmJson: """
            {"prices": {"gemini-3.8-flash": {"input": 0, "cached": 0, "output": 0, "asOf": "2026-11-20"}, "baseline": {"input": 999, "output": 999}}}
            """);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("summarize", "", "u"));

        listed.Should().BeGreaterThan(0m);
        r.CostUsd.Should().Be(listed);
        host.Services.GetRequiredService<DistributedModel.Providers.Configuration.ProviderConfigurationProblems>().Ignored.Should().ContainSingle()
            .Which.Should().StartWith(".claude/dm.json: prices ignored: only you may set it");
    }

    [Fact]
    public void A_project_may_lower_a_lanes_limits_and_budget_but_not_raise_them()
    {
        Workspace.Write(".test-home/.claude/dm.json", """{"lanes": {"consult": {"maxOutputTokens": 8000, "dailyBudgetUsd": 5}}}""");
        using var host = Host(dmJson: """
            {"lanes": {"consult": {"maxOutputTokens": 64000, "dailyBudgetUsd": 500}, "scaffold": {"maxOutputTokens": 100}},
             "providers": {"openai": {"maxRetries": 10}}}
            """);

        var s = host.Services.GetRequiredService<DistributedModel.Providers.Configuration.DmProviderSettings>();
        s.Lane("consult").MaxOutputTokens.Should().Be(8000);
        s.Lane("consult").DailyBudgetUsd.Should().Be(5m);
        s.Lane("scaffold").MaxOutputTokens.Should().Be(100, "lowering is allowed");
        s.Providers["openai"].MaxRetries.Should().BeLessThan(10);
        host.Services.GetRequiredService<DistributedModel.Providers.Configuration.ProviderConfigurationProblems>().Ignored.Should().HaveCount(3)
            .And.Contain(w => w.StartsWith(".claude/dm.json: lanes.consult.maxOutputTokens ignored: a repository may only lower", StringComparison.Ordinal));
    }

    [Fact]
    public void Spent_today_sums_only_this_lane_and_this_utc_day()
    {
        var paths = new DistributedModel.Core.Workspace.WorkspacePaths(Workspace.Path);
        var writer = new LedgerWriter(paths);
        LedgerRecord Line(string ts, string lane, decimal cost) => new() { Ts = ts, Lane = lane, Provider = "openai", Outcome = "ok", CostUsd = cost };
        writer.Append(Line("2026-11-23T01:00:00.000Z", "consult", 0.25m));
        writer.Append(Line("2026-11-23T23:59:59.000Z", "consult", 0.50m));
        writer.Append(Line("2026-11-22T23:59:59.000Z", "consult", 9m));
        writer.Append(Line("2026-11-23T10:00:00.000Z", "summarize", 9m));
        File.AppendAllText(paths.Ledger, "not json consult 2026-11-23\n");

        writer.SpentOn("consult", new DateOnly(2026, 11, 23)).Should().Be(0.75m);
    }

    /// <summary>
    /// Defect 13.4: a model without a price is recorded as unpriced (cost_usd null, "unpriced": true), never as $0.
    /// Must survive: the raw JSON fields and the detail saying how to add the price.
    /// </summary>
    [Fact]
    public async Task A_model_without_a_price_is_recorded_unpriced_not_as_zero()
    {
        await using var openai = await FakeOpenAI.StartAsync();
        using var host = Host(openai: openai);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x") { Provider = "openai", Model = "gpt-6.2-sol" });

        r.Unpriced.Should().BeTrue();
        var line = host.LedgerLines().Single();
        line.CostUsd.Should().BeNull();
        line.Unpriced.Should().BeTrue();
        line.Detail.Should().Contain("no price for model gpt-6.2-sol").And.Contain("prices in dm.json");
        File.ReadAllText(host.Paths.Ledger).Should().Contain("\"cost_usd\":null").And.Contain("\"unpriced\":true");
    }

    /// <summary>Defect 13.4: OpenAI cache_write_tokens are read, recorded and billed at 1.25× input.</summary>
    [Fact]
    public async Task Cache_write_tokens_are_read_recorded_and_billed()
    {
        await using var openai = await FakeOpenAI.StartAsync();
        openai.Usage = new FakeUsage(Input: 100_000, Output: 1_000, CacheWrite: 40_000);
        using var host = Host(openai: openai);

        var r = await host.Lanes.CompleteAsync(new LaneRequest("consult", "", "x"));

        r.Usage.CacheWrite.Should().Be(40_000);
        // gpt-6.1-terra 1 / 1.25 write / 5: 60K×1 + 40K×1.25 + 1K×5 = 115,000 µ$
        r.CostUsd.Should().Be(0.115m);
        var line = host.LedgerLines().Single();
        line.CacheWrite.Should().Be(40_000);
        line.CostUsd.Should().Be(0.115m);
        line.Unpriced.Should().BeNull();
    }
}
