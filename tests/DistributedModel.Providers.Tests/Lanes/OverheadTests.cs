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

        // Interleave both kinds of call so machine load affects them alike; compare medians.
        var bareTimes = new double[n];
        var laneTimes = new double[n];
        for (var i = 0; i < n; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            using (var c = new StringContent(body, Encoding.UTF8, "application/json"))
            using (var resp = await bare.PostAsync(ollama.BaseUrl + "/api/chat", c))
                await resp.Content.ReadAsStringAsync();
            bareTimes[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;

            t0 = Stopwatch.GetTimestamp();
            await host.Lanes.CompleteAsync(new LaneRequest("review", "", "x"));
            laneTimes[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }
        Array.Sort(bareTimes);
        Array.Sort(laneTimes);
        var bareUs = bareTimes[n / 2];
        var laneUs = laneTimes[n / 2];

        output.WriteLine($"median bare HttpClient POST: {bareUs:0} µs/call; median ILaneClient (resilience + ledger append): {laneUs:0} µs/call; overhead {laneUs - bareUs:0} µs");
        host.LedgerLines().Should().HaveCount(n + 50);
        (laneUs - bareUs).Should().BeLessThan(5_000, "the library adds bookkeeping, not latency");
    }
}
