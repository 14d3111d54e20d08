using DistributedModel.Hooks.Workspace;
using DistributedModel.Mcp.Dispatch;
using DistributedModel.Mcp.Dispatch.Review;

namespace DistributedModel.Mcp.Tests.Dispatch.Review;

/// <summary>What the reviewer model with a given name answers, after how long, or which HTTP error it gives.</summary>
public sealed record ScriptedReview(string Reply, TimeSpan Delay = default, int? HttpStatus = null)
{
    public static ScriptedReview Verdict(string verdict, TimeSpan delay = default, params (string File, int Line, string Severity, string Message)[] findings) =>
        new($$"""{"verdict":"{{verdict}}","findings":[{{string.Join(",", findings.Select(f =>
            $$"""{"file":"{{f.File}}","line":{{f.Line}},"severity":"{{f.Severity}}","message":"{{f.Message}}"}"""))}}]}""", delay);
}

/// <summary>
/// The reviewer models of a test: a loopback fake Ollama scripted per model name, reached over real HTTP by the
/// production <see cref="OllamaReviewerClient"/>.
/// </summary>
public sealed class ReviewerBackend : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private ReviewerBackend(FakeOllamaReviewers fake) => Fake = fake;

    public FakeOllamaReviewers Fake { get; }

    public static async Task<ReviewerBackend> StartAsync(IReadOnlyDictionary<string, ScriptedReview> script) =>
        new(await FakeOllamaReviewers.StartAsync(script));

    /// <summary>Points dispatch's reviewer client at the fake.</summary>
    public void Configure(DispatchOptions o) => o.OllamaHost = Fake.Host;

    /// <summary>The production reviewer client for a workspace (its ledger), talking to the fake.</summary>
    public IReviewerClient ClientFor(WorkspacePaths paths, Action<DispatchOptions>? configure = null) =>
        new OllamaReviewerClient(paths, _http, new DispatchOptionsLoader(paths, o => { Configure(o); configure?.Invoke(o); }));

    /// <summary>The reviewer requests that completed, as the calls they carried.</summary>
    public IReadOnlyList<ReviewerCall> Calls => Fake.Requests.Select(r => new ReviewerCall("ollama", r.Model,
        r.Body["messages"]![0]!["content"]!.GetValue<string>(), r.Body["messages"]![1]!["content"]!.GetValue<string>(),
        r.Body["format"]!.ToJsonString())).ToList();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Fake.DisposeAsync();
    }
}
