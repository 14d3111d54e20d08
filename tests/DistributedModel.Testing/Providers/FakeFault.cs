namespace DistributedModel.Testing.Providers;

/// <summary>
/// A scripted misbehaviour for one request of a fake provider (see <see cref="FakeProviderServer.Enqueue"/>) or for all
/// of them (<see cref="FakeProviderServer.FailAlways"/>). Error bodies are written in the provider's own error format.
/// </summary>
public sealed record FakeFault
{
    public enum FaultKind
    {
        HttpError, SlowFirstByte, MalformedJson, ConnectionAbort,
        /// <summary>A 200 whose answer was cut at the output budget (Gemini MAX_TOKENS, DeepSeek length, OpenAI incomplete, Ollama done_reason length).</summary>
        TruncatedAnswer,
        /// <summary>Ollama only: a 200 after the prompt was silently cut to num_ctx (only prompt_eval_count shows it) [L7].</summary>
        PromptTruncated,
        /// <summary>The connection closes halfway through a 200 body whose Content-Length promised more.</summary>
        TruncatedBody,
    }

    public FaultKind Kind { get; init; }

    public int Status { get; init; }

    /// <summary>Provider error code/status, e.g. "rate_limit_exceeded", "RESOURCE_EXHAUSTED", "context_length_exceeded".</summary>
    public string? Code { get; init; }

    public string? Message { get; init; }

    /// <summary>Value of a <c>Retry-After</c> header (seconds or HTTP date), if any.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>Value of a <c>retry-after-ms</c> header (OpenAI; read by the official SDKs, openai-python _base_client.py).</summary>
    public string? RetryAfterMs { get; init; }

    /// <summary>Value of an <c>x-should-retry</c> header ("true"/"false"; the server overrides the client's retry rule, same SDK).</summary>
    public string? ShouldRetry { get; init; }

    /// <summary>Gemini only: body <c>RetryInfo.retryDelay</c>, e.g. "0.3s".</summary>
    public string? RetryDelay { get; init; }

    /// <summary>Gemini only: the QuotaFailure names a per-day quota (must not be retried).</summary>
    public bool PerDayQuota { get; init; }

    /// <summary>For <see cref="FaultKind.SlowFirstByte"/>: wait before sending anything, then answer normally.</summary>
    public TimeSpan Delay { get; init; }

    public static FakeFault RateLimited(string? retryAfter = null) =>
        new() { Kind = FaultKind.HttpError, Status = 429, Code = "rate_limit_exceeded", Message = "Rate limit reached, slow down", RetryAfter = retryAfter };

    public static FakeFault ServerError() => new() { Kind = FaultKind.HttpError, Status = 500, Code = "internal_error", Message = "Internal server error" };

    public static FakeFault Overloaded() => new() { Kind = FaultKind.HttpError, Status = 503, Code = "overloaded", Message = "The model is overloaded. Please try again later." };

    public static FakeFault HttpStatus(int status, string? code = null, string? message = null) =>
        new() { Kind = FaultKind.HttpError, Status = status, Code = code ?? "error", Message = message ?? $"fake error {status}" };

    /// <summary>400 with the provider's context-too-long wording (never to be retried).</summary>
    public static FakeFault ContextTooLong() => new()
    {
        Kind = FaultKind.HttpError, Status = 400, Code = "context_length_exceeded",
        Message = "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576). maximum context length exceeded",
    };

    /// <summary>Gemini 429 RESOURCE_EXHAUSTED with <c>RetryInfo.retryDelay</c> in the body and no Retry-After header.</summary>
    public static FakeFault GeminiRetryDelay(string retryDelay, bool perDayQuota = false) => new()
    {
        Kind = FaultKind.HttpError, Status = 429, Code = "RESOURCE_EXHAUSTED", RetryDelay = retryDelay, PerDayQuota = perDayQuota,
        Message = perDayQuota ? "You exceeded your current quota (requests per day)." : "Resource has been exhausted (e.g. check quota).",
    };

    /// <summary>OpenAI 429 <c>insufficient_quota</c> (billing; never to be retried).</summary>
    public static FakeFault InsufficientQuota() => new()
    {
        Kind = FaultKind.HttpError, Status = 429, Code = "insufficient_quota",
        Message = "You exceeded your current quota, please check your plan and billing details.",
    };

    /// <summary>DeepSeek 402 insufficient balance (never to be retried).</summary>
    public static FakeFault InsufficientBalance() =>
        new() { Kind = FaultKind.HttpError, Status = 402, Code = "invalid_request_error", Message = "Insufficient Balance" };

    /// <summary>429 with <c>retry-after-ms</c> (and optionally <c>retry-after</c>) as OpenAI sends them.</summary>
    public static FakeFault RateLimitedMs(string retryAfterMs, string? retryAfter = null) =>
        RateLimited(retryAfter) with { RetryAfterMs = retryAfterMs };

    /// <summary><paramref name="status"/> with <c>x-should-retry: value</c>.</summary>
    public static FakeFault WithShouldRetry(int status, bool value) =>
        HttpStatus(status, status >= 500 ? "server_error" : "error", $"fake error {status}") with { ShouldRetry = value ? "true" : "false" };

    public static FakeFault TruncatedAnswer() => new() { Kind = FaultKind.TruncatedAnswer, Status = 200 };

    public static FakeFault PromptTruncated() => new() { Kind = FaultKind.PromptTruncated, Status = 200 };

    public static FakeFault TruncatedBody() => new() { Kind = FaultKind.TruncatedBody, Status = 200 };

    public static FakeFault SlowFirstByte(TimeSpan delay) => new() { Kind = FaultKind.SlowFirstByte, Delay = delay };

    public static FakeFault MalformedJson() => new() { Kind = FaultKind.MalformedJson, Status = 200 };

    public static FakeFault ConnectionAbort() => new() { Kind = FaultKind.ConnectionAbort };
}
