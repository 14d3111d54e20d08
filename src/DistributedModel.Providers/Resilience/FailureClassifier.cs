using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace DistributedModel.Providers.Resilience;

/// <summary>
/// Classifies provider HTTP errors. Never retried: any 400 (incl. context too long), 401/403/404/422,
/// DeepSeek 402 (balance), OpenAI 429 <c>insufficient_quota</c>, Gemini per-day quota 429s.
/// Retried: 408, 429 rate limits, 500, 502, 503, 504. A server's <c>x-should-retry: true|false</c> overrides the rule
/// (as the official OpenAI SDKs do, openai-python <c>_base_client.py</c> <c>_should_retry</c>).
/// </summary>
internal static partial class FailureClassifier
{
    public static FailureClassification Classify(string provider, int status, string body, HttpResponseHeaders? headers, DateTimeOffset now)
    {
        var c = ByStatus(provider, status, body, RetryHint(headers, body, now));
        return ShouldRetryHeader(headers) switch
        {
            true when !c.Retryable => c with { Retryable = true, RetryHint = RetryHint(headers, body, now) },
            false when c.Retryable => c with { Retryable = false },
            _ => c,
        };
    }

    /// <summary>The <c>x-should-retry</c> header: true, false, or null when absent or neither.</summary>
    internal static bool? ShouldRetryHeader(HttpResponseHeaders? headers) =>
        headers is not null && headers.TryGetValues("x-should-retry", out var values)
            ? values.FirstOrDefault()?.Trim().ToLowerInvariant() switch { "true" => true, "false" => false, _ => null }
            : null;

    private static FailureClassification ByStatus(string provider, int status, string body, TimeSpan? hint)
    {
        return status switch
        {
            400 or 413 when IsContextTooLong(body) => new(ProviderErrorClass.ContextTooLong, false, null),
            400 or 422 or 413 => new(ProviderErrorClass.BadRequest, false, null),
            401 or 403 => new(ProviderErrorClass.Auth, false, null),
            402 => new(ProviderErrorClass.InsufficientBalance, false, null),
            404 => new(ProviderErrorClass.NotFound, false, null),
            408 => new(ProviderErrorClass.Timeout, true, hint),
            429 when IsQuotaExhausted(provider, body) => new(ProviderErrorClass.QuotaExhausted, false, hint),
            429 => new(ProviderErrorClass.RateLimited, true, hint),
            503 or 529 => new(ProviderErrorClass.Overloaded, true, hint),
            500 or 502 or 504 => new(ProviderErrorClass.ServerError, true, hint),
            >= 500 => new(ProviderErrorClass.ServerError, true, hint),
            _ => new(ProviderErrorClass.Unknown, false, null),
        };
    }

    private static bool IsContextTooLong(string body) =>
        body.Contains("context_length_exceeded", StringComparison.OrdinalIgnoreCase)
        || body.Contains("exceeds the maximum number of tokens", StringComparison.OrdinalIgnoreCase)
        || body.Contains("maximum context length", StringComparison.OrdinalIgnoreCase)
        || body.Contains("context length", StringComparison.OrdinalIgnoreCase)
        || body.Contains("context window", StringComparison.OrdinalIgnoreCase)
        || body.Contains("too many tokens", StringComparison.OrdinalIgnoreCase);

    private static bool IsQuotaExhausted(string provider, string body) => provider switch
    {
        ProviderNames.OpenAI => body.Contains("insufficient_quota", StringComparison.OrdinalIgnoreCase),
        ProviderNames.Gemini => PerDayQuota().IsMatch(body),
        _ => false,
    };

    /// <summary>
    /// <c>retry-after-ms</c> (OpenAI; read first by the official SDKs), else Retry-After (seconds or HTTP date), else
    /// Gemini's body <c>RetryInfo.retryDelay</c> ("45.8s").
    /// </summary>
    public static TimeSpan? RetryHint(HttpResponseHeaders? headers, string body, DateTimeOffset now)
    {
        if (headers is not null && headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0 && millis < 86_400_000)
            return TimeSpan.FromMilliseconds(millis);
        if (headers?.RetryAfter is { } ra)
        {
            if (ra.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            if (ra.Date is { } date)
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }
        var m = GeminiRetryDelay().Match(body);
        if (m.Success && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        return null;
    }

    [GeneratedRegex("\"retryDelay\"\\s*:\\s*\"([0-9]+(?:\\.[0-9]+)?)s\"")]
    private static partial Regex GeminiRetryDelay();

    [GeneratedRegex("(?i)per ?day|perday|per_day|daily")]
    private static partial Regex PerDayQuota();
}
