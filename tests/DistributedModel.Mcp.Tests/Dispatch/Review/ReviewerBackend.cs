using System.Collections.Concurrent;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Dispatch.Review;
using DistributedModel.Testing.Providers;

namespace DistributedModel.Mcp.Tests.Dispatch.Review;

/// <summary>What the reviewer model with a given name answers, after how long, or whether its call fails (HTTP 500).</summary>
public sealed record ScriptedReview(string Reply, TimeSpan Delay = default, bool Fails = false)
{
    public static ScriptedReview Verdict(string verdict, TimeSpan delay = default, params (string File, int Line, string Severity, string Message)[] findings) =>
        new($$"""{"verdict":"{{verdict}}","findings":[{{string.Join(",", findings.Select(f =>
            $$"""{"file":"{{f.File}}","line":{{f.Line}},"severity":"{{f.Severity}}","message":"{{f.Message}}"}"""))}}]}""", delay);
}

/// <summary>
/// The reviewer models of a test: the shared loopback <see cref="FakeOllama"/> scripted per model name, reached through
/// the real provider library (<see cref="ProviderTestHost"/>) by the production <see cref="LaneReviewerClient"/>.
/// Records when each request arrived and was answered, to prove reviewers ran concurrently.
/// </summary>
public sealed class ReviewerBackend : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, ScriptedReview> _script;
    private readonly ConcurrentQueue<ProviderTestHost> _hosts = new();
    private readonly ConcurrentDictionary<RecordedRequest, DateTimeOffset> _arrived = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentQueue<(string Model, DateTimeOffset Start, DateTimeOffset End)> _answered = new();

    private ReviewerBackend(FakeOllama fake, IReadOnlyDictionary<string, ScriptedReview> script)
    {
        Fake = fake;
        _script = script;
        fake.Delay(r =>
        {
            _arrived[r] = DateTimeOffset.UtcNow;
            return Find(r).Delay;
        });
        fake.Reply(r =>
        {
            var s = Find(r);
            if (s.Fails) throw new InvalidOperationException($"scripted failure of {r.Model}");
            _answered.Enqueue((r.Model!, _arrived.GetValueOrDefault(r), DateTimeOffset.UtcNow));
            return s.Reply;
        });
    }

    public FakeOllama Fake { get; }

    /// <summary>Model, arrival and answer time of each request that was answered.</summary>
    public IReadOnlyList<(string Model, DateTimeOffset Start, DateTimeOffset End)> Answered => _answered.ToArray();

    public static async Task<ReviewerBackend> StartAsync(IReadOnlyDictionary<string, ScriptedReview> script) =>
        new(await FakeOllama.StartAsync(), script);

    /// <summary>The production reviewer client for a workspace (whose ledger the provider library writes).</summary>
    public IReviewerClient ClientFor(WorkspacePaths paths)
    {
        var host = ProviderTestHost.Create(paths.Root, ollama: Fake);
        _hosts.Enqueue(host);
        return new LaneReviewerClient(host.Lanes);
    }

    /// <summary>The reviewer requests the fake received, as the calls they carried.</summary>
    public IReadOnlyList<ReviewerCall> Calls => Fake.Requests.Select(r => new ReviewerCall("ollama", r.Model,
        r.SystemPrompt ?? "", r.UserPrompt ?? "", r.Json?["format"]?.ToJsonString() ?? "")).ToList();

    private ScriptedReview Find(RecordedRequest r) =>
        r.Model is { } m && _script.TryGetValue(m, out var s) ? s : throw new InvalidOperationException($"no script for model {r.Model}");

    public async ValueTask DisposeAsync()
    {
        while (_hosts.TryDequeue(out var host)) host.Dispose();
        await Fake.DisposeAsync();
    }
}
