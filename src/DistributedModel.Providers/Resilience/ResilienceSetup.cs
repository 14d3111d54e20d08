using System.Net;
using DistributedModel.Providers.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DistributedModel.Providers.Resilience;

/// <summary>
/// The one resilience layer of each provider's HTTP client (no other handler retries):
/// total timeout → retry (exponential back-off + jitter, honouring Retry-After / Gemini retryDelay) →
/// circuit breaker → per-attempt timeout. Timeouts come from the calling lane via <see cref="CallScope"/>.
/// </summary>
internal static class ResilienceSetup
{
    private static readonly TimeSpan FallbackTotal = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan FallbackAttempt = TimeSpan.FromMinutes(1);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ProviderSettings p, TimeProvider clock)
    {
        builder.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Name = $"{p.Name}-total",
            Timeout = FallbackTotal,
            TimeoutGenerator = _ => ValueTask.FromResult(CallScope.Current?.TotalTimeout ?? FallbackTotal),
        });

        if (p.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = $"{p.Name}-retry",
                MaxRetryAttempts = p.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = p.RetryBaseDelay,
                MaxDelay = p.MaxRetryAfter > TimeSpan.Zero ? p.MaxRetryAfter : TimeSpan.FromSeconds(30),
                ShouldHandle = args => ShouldRetry(p, clock, args.Outcome, args.Context.CancellationToken),
                DelayGenerator = args => ServerHint(clock, args.Outcome, args.Context.CancellationToken),
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = $"{p.Name}-breaker",
            FailureRatio = p.BreakerFailureRatio,
            MinimumThroughput = p.BreakerMinimumThroughput,
            SamplingDuration = p.BreakerSamplingDuration,
            BreakDuration = p.BreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        });

        builder.AddTimeout(new HttpTimeoutStrategyOptions
        {
            Name = $"{p.Name}-attempt",
            Timeout = FallbackAttempt,
            TimeoutGenerator = _ => ValueTask.FromResult(CallScope.Current?.AttemptTimeout ?? FallbackAttempt),
        });
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } r } => (int)r.StatusCode >= 500 || r.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout,
        _ => false,
    };

    private static async ValueTask<bool> ShouldRetry(ProviderSettings p, TimeProvider clock, Outcome<HttpResponseMessage> outcome, CancellationToken ct)
    {
        if (outcome.Exception is HttpRequestException or TimeoutRejectedException) return !ct.IsCancellationRequested;
        if (outcome.Result is not { IsSuccessStatusCode: false } response) return false;
        var body = await ReadBody(response, ct).ConfigureAwait(false);
        var c = FailureClassifier.Classify(p.Name, (int)response.StatusCode, body, response.Headers, clock.GetUtcNow());
        if (!c.Retryable) return false;
        // A server asking for a longer wait than we accept: give up here so the lane can fall back.
        return c.RetryHint is not { } hint || hint <= p.MaxRetryAfter;
    }

    private static async ValueTask<TimeSpan?> ServerHint(TimeProvider clock, Outcome<HttpResponseMessage> outcome, CancellationToken ct)
    {
        if (outcome.Result is not { } response) return null;
        var body = await ReadBody(response, ct).ConfigureAwait(false);
        return FailureClassifier.RetryHint(response.Headers, body, clock.GetUtcNow());
    }

    internal static async Task<string> ReadBody(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}
