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
/// The reviewer models of a test, scripted per model name, behind the <see cref="IReviewerClient"/> the dispatch uses.
/// </summary>
public sealed class ReviewerBackend : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, ScriptedReview> _script;
    private readonly List<ReviewerCall> _calls = [];

    private ReviewerBackend(IReadOnlyDictionary<string, ScriptedReview> script)
    {
        _script = script;
        Client = new ScriptedClient(this);
    }

    public IReviewerClient Client { get; }

    public IReadOnlyList<ReviewerCall> Calls { get { lock (_calls) return _calls.ToList(); } }

    public static Task<ReviewerBackend> StartAsync(IReadOnlyDictionary<string, ScriptedReview> script) =>
        Task.FromResult(new ReviewerBackend(script));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class ScriptedClient(ReviewerBackend backend) : IReviewerClient
    {
        public async Task<ReviewerReply> CompleteAsync(ReviewerCall call, CancellationToken ct)
        {
            lock (backend._calls) backend._calls.Add(call);
            var s = backend._script[call.Model!];
            await Task.Delay(s.Delay, ct);
            if (s.HttpStatus is { } status) throw new HttpRequestException($"ollama returned HTTP {status}");
            return new ReviewerReply(s.Reply, call.Provider, call.Model!, 100, 20, 0m);
        }
    }
}
