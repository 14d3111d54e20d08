using System.Diagnostics;
using Xunit.Abstractions;

namespace DistributedModel.Mcp.Tests.Tribunal;

public sealed class TribunalToolTests(ITestOutputHelper output)
{
    [Fact]
    public async Task One_hanging_provider_costs_the_slowest_healthy_answer_plus_the_grace_not_the_sum()
    {
        await using var h = await LaneServerHarness.StartAsync(o => o.TribunalStragglerGrace = TimeSpan.FromSeconds(0.5));
        h.Gemini.Reply(Samples.Opinion("MODIFY", "Keep the sync read path."));
        h.DeepSeek.Reply(Samples.Opinion("REVERSE", "A queue is overkill here."));
        h.OpenAI.Reply(Samples.Opinion("MODIFY"));
        (await h.CallAsync("tribunal", new() { ["question"] = "warm-up" })).IsError.Should().BeFalse("warm-up (JIT, connections) is not what we time");
        foreach (var f in Directory.GetFiles(h.Paths.AuditsDir)) File.Delete(f);

        h.Gemini.Reply(Samples.Opinion("MODIFY", "Keep the sync read path.")).Delay(TimeSpan.FromSeconds(4));
        h.DeepSeek.Reply(Samples.Opinion("REVERSE", "A queue is overkill here.")).Delay(TimeSpan.FromSeconds(4));
        h.OpenAI.Reply(Samples.Opinion("MODIFY")).Delay(TimeSpan.FromMinutes(10));

        var clock = Stopwatch.StartNew();
        var (text, isError) = await h.CallAsync("tribunal", new() { ["question"] = "Queue for order events?", ["proposal"] = "Add RabbitMQ" });
        clock.Stop();
        output.WriteLine($"tribunal took {clock.Elapsed.TotalSeconds:0.00} s (healthy 4 s + 4 s in parallel, one hanging)\n{text}");

        isError.Should().BeFalse(text);
        // ≈ 4.5 s; 2 s of slack for a loaded CI machine still proves it is neither the 8 s healthy sum nor the 10 min hang.
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(3.9)).And.BeLessThan(TimeSpan.FromSeconds(6.5), "≈ 4 s slowest healthy + 0.5 s grace; the healthy sum is 8 s, the hang 10 min");
        text.Should().Contain("no majority among 2 answers").And.Contain("dissent: gemini MODIFY").And.Contain("dissent: deepseek REVERSE")
            .And.Contain("no answer: openai");
        text.Should().StartWith("verdict: DEFER");
        var record = Directory.GetFiles(h.Paths.AuditsDir).Should().ContainSingle().Subject;
        output.WriteLine(File.ReadAllText(record));
        File.ReadAllText(record).Should().Contain("kind: tribunal").And.Contain("verdict: DEFER").And.Contain("providers: gemini,deepseek");
    }

    [Fact]
    public async Task Three_providers_answer_independently_and_the_majority_wins_with_the_dissent_quoted()
    {
        await using var h = await LaneServerHarness.StartAsync();
        h.Gemini.Reply(Samples.Opinion("MODIFY", "Keep the sync read path."));
        h.DeepSeek.Reply(Samples.Opinion("REVERSE", "A queue is overkill here."));
        h.OpenAI.Reply(Samples.Opinion("MODIFY", "Queue yes, but outbox first."));

        var (text, isError) = await h.CallAsync("tribunal", new() { ["question"] = "Queue for order events?", ["proposal"] = "Add RabbitMQ" });

        isError.Should().BeFalse(text);
        text.Should().StartWith("verdict: MODIFY (2 of 3 answers").And.Contain("dissent: deepseek REVERSE — A queue is overkill here.");
        foreach (var fake in new DistributedModel.Testing.Providers.FakeProviderServer[] { h.Gemini, h.DeepSeek, h.OpenAI })
        {
            fake.RequestCount.Should().Be(1);
            fake.LastRequest.UserPrompt.Should().NotContain("overkill").And.NotContain("outbox").And.NotContain("sync read path");
        }
        h.LedgerLines().Count(l => l.Contains("\"lane\":\"tribunal\"", StringComparison.Ordinal)).Should().Be(3);
    }
}
