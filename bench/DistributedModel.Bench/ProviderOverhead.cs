using System.Diagnostics;
using System.Text;
using DistributedModel.Providers;
using DistributedModel.Testing;
using DistributedModel.Testing.Providers;

namespace DistributedModel.Bench;

/// <summary>
/// Per-call overhead of the provider library (resilience pipeline, fallback chain, ledger append) over a bare
/// <see cref="HttpClient"/> POST, both against the loopback fake Ollama answering instantly. Calls are interleaved so
/// machine load affects both alike; medians are compared.
/// </summary>
internal static class ProviderOverhead
{
    public static async Task RunAsync(int calls)
    {
        await using var ollama = await FakeOllama.StartAsync();
        using var workspace = new TempDirectory("dm-bench-providers");
        using var host = ProviderTestHost.Create(workspace.Path, ollama: ollama);
        using var bare = new HttpClient();
        const string body = """{"model":"glm-4.7-flash","messages":[{"role":"user","content":"x"}],"stream":false}""";
        var request = new LaneRequest("review", "", "x");

        async Task<double> BareAsync()
        {
            var t0 = Stopwatch.GetTimestamp();
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await bare.PostAsync(ollama.BaseUrl + "/api/chat", content);
            await response.Content.ReadAsStringAsync();
            return Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        async Task<double> LaneAsync()
        {
            var t0 = Stopwatch.GetTimestamp();
            await host.Lanes.CompleteAsync(request);
            return Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        for (int i = 0; i < 50; i++) { await BareAsync(); await LaneAsync(); }
        var bareUs = new double[calls];
        var laneUs = new double[calls];
        for (int i = 0; i < calls; i++) { bareUs[i] = await BareAsync(); laneUs[i] = await LaneAsync(); }
        Array.Sort(bareUs);
        Array.Sort(laneUs);

        Console.WriteLine($"\n## Provider library per-call overhead ({calls} calls each, fake Ollama answering instantly)\n");
        Console.WriteLine($"| {"call",-42} | {"p50 µs",8} | {"p95 µs",8} |");
        Console.WriteLine($"|{new string('-', 44)}|{new string('-', 10)}|{new string('-', 10)}|");
        Console.WriteLine($"| {"bare HttpClient POST",-42} | {bareUs[calls / 2],8:N0} | {bareUs[calls * 95 / 100],8:N0} |");
        Console.WriteLine($"| {"ILaneClient (resilience + ledger append)",-42} | {laneUs[calls / 2],8:N0} | {laneUs[calls * 95 / 100],8:N0} |");
        Console.WriteLine($"\nOverhead at the median: {laneUs[calls / 2] - bareUs[calls / 2]:N0} µs per call");
    }
}
