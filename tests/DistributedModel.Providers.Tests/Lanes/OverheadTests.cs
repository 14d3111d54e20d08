using System.Diagnostics;
using System.Text;
using DistributedModel.Testing.Providers;
using Xunit.Abstractions;

namespace DistributedModel.Providers.Tests.Lanes;

/// <summary>Per-call overhead of the library against a fake answering instantly, compared with a bare HttpClient POST.</summary>
public sealed class OverheadTests(ITestOutputHelper output) : ProviderTestBase
{
    [Fact]
    public async Task Library_overhead_over_a_bare_http_post_stays_small()
    {
        await using var ollama = await FakeOllama.StartAsync();
        using var host = Host(ollama: ollama);
        using var bare = new HttpClient();
        var body = """{"model":"glm-4.7-flash","messages":[{"role":"user","content":"x"}],"stream":false}""";
        const int n = 300;

        for (var i = 0; i < 50; i++)
        {
            await host.Lanes.CompleteAsync(new LaneRequest("review", "", "x"));
            using var c = new StringContent(body, Encoding.UTF8, "application/json");
            (await bare.PostAsync(ollama.BaseUrl + "/api/chat", c)).Dispose();
        }

        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            using var c = new StringContent(body, Encoding.UTF8, "application/json");
            using var resp = await bare.PostAsync(ollama.BaseUrl + "/api/chat", c);
            await resp.Content.ReadAsStringAsync();
        }
        var bareUs = sw.Elapsed.TotalMicroseconds / n;

        sw.Restart();
        for (var i = 0; i < n; i++) await host.Lanes.CompleteAsync(new LaneRequest("review", "", "x"));
        var laneUs = sw.Elapsed.TotalMicroseconds / n;

        output.WriteLine($"bare HttpClient POST: {bareUs:0} µs/call; ILaneClient (resilience + ledger append): {laneUs:0} µs/call; overhead {laneUs - bareUs:0} µs");
        host.LedgerLines().Should().HaveCount(n + 50);
        (laneUs - bareUs).Should().BeLessThan(5_000, "the library adds bookkeeping, not latency");
    }
}
