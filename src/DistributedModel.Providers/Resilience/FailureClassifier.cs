using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace DistributedModel.Providers.Resilience;

/// <summary>
/// Classifies provider HTTP errors. Never retried: any 400 (incl. context too long), 401/403/404/422,
/// DeepSeek 402 (balance), OpenAI 429 <c>insufficient_quota</c>, Gemini per-day quota 429s.
/// Retried: 408, 429 rate limits, 500, 502, 503, 504.
/// </summary>
internal static partial class FailureClassifier
{
    public static FailureClassification Classify(string provider, int status, string body, HttpResponseHeaders? headers)
    {
        var hint = RetryHint(headers, body);
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

    /// <summary>Retry-After (seconds or HTTP date), else Gemini's body <c>RetryInfo.retryDelay</c> ("45.8s").</summary>
    public static TimeSpan? RetryHint(HttpResponseHeaders? headers, string body)
    {
        if (headers?.RetryAfter is { } ra)
        {
            if (ra.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            if (ra.Date is { } date)
            {
                var wait = date - DateTimeOffset.UtcNow;
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
