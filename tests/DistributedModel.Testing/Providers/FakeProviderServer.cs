using System.Collections.Concurrent;
using System.Text;
using DistributedModel.Testing.Providers.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DistributedModel.Testing.Providers;

/// <summary>
/// Base of the loopback provider fakes: a Kestrel server on 127.0.0.1 (random port) that records every request and
/// answers in the provider's real wire format. Configure with <see cref="Reply(string)"/>, <see cref="Usage"/>,
/// <see cref="Enqueue"/> (one fault per upcoming request), <see cref="FailAlways"/> and <see cref="Delay(TimeSpan)"/>.
/// Thread-safe; dispose to stop.
/// </summary>
public abstract class FakeProviderServer : IAsyncDisposable
{
    private readonly List<RecordedRequest> _requests = [];
    private readonly ConcurrentQueue<FakeFault> _faults = new();
    private WebApplication? _app;
    private volatile Func<RecordedRequest, string> _reply = _ => "fake answer";
    private volatile Func<RecordedRequest, TimeSpan>? _delay;
    private volatile FakeFault? _always;
    private readonly List<ContractViolation> _rejections = [];
    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Provider name as the library knows it ("gemini", "deepseek", "openai", "ollama").</summary>
    public abstract string Provider { get; }

    /// <summary>Token counts reported on success.</summary>
    public FakeUsage Usage { get; set; } = new(100, 20);

    /// <summary>When set, requests without this key (in the provider's auth header) get a 401.</summary>
    public string? RequiredKey { get; set; }

    /// <summary>
    /// Strict (the default): requests the real API would reject get its 400 and error body (rules in
    /// <c>Contracts/&lt;Provider&gt;Contract.cs</c>, each with its source). Turn off only to test what a client does with a 400.
    /// </summary>
    public bool Strict { get; set; } = true;

    /// <summary>Every request refused by the contract, with the rule that fired.</summary>
    public IReadOnlyList<ContractViolation> Rejections
    {
        get { lock (_rejections) return [.. _rejections]; }
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public int RequestCount
    {
        get { lock (_requests) return _requests.Count; }
    }

    public RecordedRequest LastRequest
    {
        get { lock (_requests) return _requests.Count > 0 ? _requests[^1] : throw new InvalidOperationException($"fake {Provider} received no request"); }
    }

    /// <summary>Answer every request with <paramref name="text"/>.</summary>
    public FakeProviderServer Reply(string text) => Reply(_ => text);

    /// <summary>Answer each request with the text <paramref name="reply"/> computes from it.</summary>
    public FakeProviderServer Reply(Func<RecordedRequest, string> reply)
    {
        _reply = reply ?? throw new ArgumentNullException(nameof(reply));
        return this;
    }

    /// <summary>Wait this long before sending anything (slow first byte) on every request.</summary>
    public FakeProviderServer Delay(TimeSpan delay) => Delay(_ => delay);

    /// <summary>Per-request wait before sending anything.</summary>
    public FakeProviderServer Delay(Func<RecordedRequest, TimeSpan>? delay)
    {
        _delay = delay;
        return this;
    }

    /// <summary>The next requests get these faults, in order; afterwards the fake answers normally again.</summary>
    public FakeProviderServer Enqueue(params FakeFault[] faults)
    {
        foreach (var f in faults) _faults.Enqueue(f);
        return this;
    }

    /// <summary>Every request gets <paramref name="fault"/> (null: stop) — after any queued faults.</summary>
    public FakeProviderServer FailAlways(FakeFault? fault)
    {
        _always = fault;
        return this;
    }

    /// <summary>Completes once <paramref name="count"/> requests have arrived (at the endpoint, before any fault or delay).</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan? giveUpAfter = null)
    {
        using var limit = new CancellationTokenSource(giveUpAfter ?? TimeSpan.FromSeconds(30));
        while (RequestCount < count)
        {
            try { await _arrived.WaitAsync(limit.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { throw new TimeoutException($"fake {Provider} received {RequestCount} of {count} requests"); }
        }
    }

    public void ClearRequests()
    {
        lock (_requests) _requests.Clear();
    }

    protected static async Task<T> StartAsync<T>(T fake) where T : FakeProviderServer
    {
        (fake._app, fake.BaseUrl) = await LoopbackWebApp.StartAsync(fake.HandleAsync).ConfigureAwait(false);
        return fake;
    }

    /// <summary>Is this the provider's endpoint (method + path)?</summary>
    protected abstract bool IsEndpoint(string method, string path);

    /// <summary>Adds the model and prompts read from the provider-specific request.</summary>
    protected abstract RecordedRequest Describe(RecordedRequest raw);

    /// <summary>The provider's auth credential in this request, or null.</summary>
    protected abstract string? PresentedKey(RecordedRequest request);

    /// <summary>The provider's contract for a parsed body (null: the real API would accept it).</summary>
    protected abstract ContractViolation? Check(RecordedRequest request, System.Text.Json.Nodes.JsonObject body);

    /// <param name="cut">The answer was cut at the output budget: the provider's truncation markers, partial text.</param>
    protected abstract string SuccessBody(RecordedRequest request, string text, FakeUsage usage, bool cut);

    /// <summary>Ollama only: the answer after a silent prompt truncation (prompt_eval_count at the context size).</summary>
    protected virtual string PromptTruncatedBody(RecordedRequest request, string text, FakeUsage usage) => SuccessBody(request, text, usage, false);

    protected abstract string ErrorBody(FakeFault fault);

    /// <summary>A valid-looking prefix of a success body, cut off mid-value.</summary>
    protected virtual string MalformedBody(RecordedRequest request) => SuccessBody(request, "cut", Usage, false)[..20];

    private async Task HandleAsync(HttpContext ctx)
    {
        string body;
        using (var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8))
            body = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in ctx.Request.Headers) headers[h.Key] = h.Value.ToString();
        var raw = new RecordedRequest(ctx.Request.Method, ctx.Request.Path.Value ?? "", ctx.Request.QueryString.Value ?? "", headers, body);
        RecordedRequest request;
        try { request = Describe(raw); }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException) { request = raw; }
        lock (_requests) _requests.Add(request);
        _arrived.Release();

        if (!IsEndpoint(request.Method, request.Path))
        {
            await Write(ctx, 404, ErrorBody(FakeFault.HttpStatus(404, "not_found", $"no route {request.Method} {request.Path}"))).ConfigureAwait(false);
            return;
        }
        if (RequiredKey is not null && PresentedKey(request) != RequiredKey)
        {
            await Write(ctx, 401, ErrorBody(FakeFault.HttpStatus(401, "invalid_api_key", "Incorrect API key provided"))).ConfigureAwait(false);
            return;
        }

        if (Strict)
        {
            ContractViolation? violation;
            try { violation = Check(request, WireJson.Parse(request.Body)); }
            catch (System.Text.Json.JsonException ex) { violation = new ContractViolation("body-not-json", 400, ErrorBody(FakeFault.HttpStatus(400, "invalid_json", $"Invalid JSON payload received. {ex.Message}"))); }
            if (violation is not null)
            {
                lock (_rejections) _rejections.Add(violation);
                await Write(ctx, violation.Status, violation.Body).ConfigureAwait(false);
                return;
            }
        }

        if (_delay?.Invoke(request) is { } wait && wait > TimeSpan.Zero && !await Sleep(wait, ctx.RequestAborted).ConfigureAwait(false)) return;

        var fault = _faults.TryDequeue(out var queued) ? queued : _always;
        switch (fault?.Kind)
        {
            case null:
                break;
            case FakeFault.FaultKind.ConnectionAbort:
                ctx.Abort();
                return;
            case FakeFault.FaultKind.MalformedJson:
                await Write(ctx, 200, MalformedBody(request)).ConfigureAwait(false);
                return;
            case FakeFault.FaultKind.SlowFirstByte:
                if (!await Sleep(fault.Delay, ctx.RequestAborted).ConfigureAwait(false)) return;
                break;
            case FakeFault.FaultKind.HttpError:
                if (fault.RetryAfter is not null) ctx.Response.Headers["Retry-After"] = fault.RetryAfter;
                if (fault.RetryAfterMs is not null) ctx.Response.Headers["retry-after-ms"] = fault.RetryAfterMs;
                if (fault.ShouldRetry is not null) ctx.Response.Headers["x-should-retry"] = fault.ShouldRetry;
                await Write(ctx, fault.Status, ErrorBody(fault)).ConfigureAwait(false);
                return;
        }

        string text;
        try { text = _reply(request); }
        catch (Exception ex)
        {
            await Write(ctx, 500, ErrorBody(FakeFault.HttpStatus(500, "fake_reply_threw", ex.Message))).ConfigureAwait(false);
            return;
        }
        switch (fault?.Kind)
        {
            case FakeFault.FaultKind.TruncatedAnswer:
                await Write(ctx, 200, SuccessBody(request, text[..(text.Length / 2)], Usage, true)).ConfigureAwait(false);
                return;
            case FakeFault.FaultKind.PromptTruncated:
                await Write(ctx, 200, PromptTruncatedBody(request, text, Usage)).ConfigureAwait(false);
                return;
            case FakeFault.FaultKind.TruncatedBody:
                var full = Encoding.UTF8.GetBytes(SuccessBody(request, text, Usage, false));
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = "application/json; charset=utf-8";
                ctx.Response.ContentLength = full.Length;
                await ctx.Response.Body.WriteAsync(full.AsMemory(0, full.Length / 2), ctx.RequestAborted).ConfigureAwait(false);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted).ConfigureAwait(false);
                ctx.Abort();
                return;
            default:
                await Write(ctx, 200, SuccessBody(request, text, Usage, false)).ConfigureAwait(false);
                return;
        }
    }

    private static async Task<bool> Sleep(TimeSpan delay, CancellationToken aborted)
    {
        try
        {
            await Task.Delay(delay, aborted).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static Task Write(HttpContext ctx, int status, string json)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(json, ctx.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(stop.Token).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        GC.SuppressFinalize(this);
    }
}
