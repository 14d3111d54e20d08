using System.Net.Http.Headers;
using System.Text.Json;
using DistributedModel.Providers.Configuration;
using DistributedModel.Providers.Resilience;
using DistributedModel.Providers.Security;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DistributedModel.Providers.Core;

/// <summary>
/// Sends one request through the provider's resilient <see cref="HttpClient"/> and turns every failure into a
/// <see cref="ProviderException"/> with a class and a redacted, human-readable message.
/// </summary>
internal abstract class ProviderClientBase(HttpClient http, ProviderSettings settings, Redactor redactor, TimeProvider clock) : IProviderClient
{
    /// <summary>Extra time beyond the pipeline's total timeout for reading the body, before we cancel ourselves.</summary>
    private static readonly TimeSpan BodyGrace = TimeSpan.FromSeconds(2);

    public string Name => settings.Name;

    protected ProviderSettings Settings => settings;

    protected abstract HttpRequestMessage BuildRequest(ProviderCall call);

    /// <summary>Reads the answer from a 2xx JSON body; throws <see cref="ProviderException"/> for bodies that carry no answer.</summary>
    protected abstract ProviderResult Parse(JsonElement root, ProviderCall call);

    public async Task<ProviderResult> CompleteAsync(ProviderCall call, CancellationToken ct)
    {
        CallScope.Current = call.Scope;
        using var request = BuildRequest(call);
        using var deadline = new CancellationTokenSource(call.Scope.TotalTimeout + BodyGrace, clock);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cts.Token).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw Fail(ProviderErrorClass.CircuitOpen, call,
                $"circuit open after repeated failures; not calling {Name} for {settings.BreakerBreakDuration.TotalSeconds:0.#}s", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Fail(ProviderErrorClass.Timeout, call, TimeoutMessage(call), ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw Fail(ProviderErrorClass.Timeout, call, TimeoutMessage(call), ex);
        }
        catch (HttpRequestException ex)
        {
            throw Fail(ProviderErrorClass.Network, call, $"cannot reach {UrlText.Authority(settings.BaseUrl)}: {ex.Message}", ex);
        }

        using (response)
        {
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
            {
                throw Fail(ProviderErrorClass.Timeout, call, TimeoutMessage(call) + " (while reading the response body)", ex);
            }
            catch (HttpRequestException ex)
            {
                throw Fail(ProviderErrorClass.Network, call, $"connection lost while reading the response: {ex.Message}", ex);
            }

            if (!response.IsSuccessStatusCode) throw HttpFailure(call, response.StatusCode, response.Headers, body);

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                throw Fail(ProviderErrorClass.MalformedResponse, call,
                    $"HTTP {(int)response.StatusCode} with a body that is not JSON ({ex.Message}); body starts: {redactor.RedactShort(body, 120)}", ex);
            }

            using (doc)
            {
                try
                {
                    return Parse(doc.RootElement, call);
                }
                catch (TruncationException)
                {
                    throw;
                }
                catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException or JsonException)
                {
                    throw Fail(ProviderErrorClass.MalformedResponse, call,
                        $"unexpected response shape ({ex.Message}); body starts: {redactor.RedactShort(body, 120)}", ex);
                }
            }
        }
    }

    private string TimeoutMessage(ProviderCall call) =>
        $"no answer within the {call.Lane} lane's timeouts (attempt {call.Scope.AttemptTimeout.TotalSeconds:0.##}s, total {call.Scope.TotalTimeout.TotalSeconds:0.##}s)";

    private ProviderException HttpFailure(ProviderCall call, System.Net.HttpStatusCode status, HttpResponseHeaders headers, string body)
    {
        var c = FailureClassifier.Classify(Name, (int)status, body, headers, clock.GetUtcNow());
        var message = $"HTTP {(int)status} {c.ErrorClass}: {UpstreamMessage(body)}";
        if (c.Retryable && c.RetryHint is { } hint && hint > settings.MaxRetryAfter)
            message += $" (server asked to wait {hint.TotalSeconds:0.#}s, longer than maxRetryAfterSeconds {settings.MaxRetryAfter.TotalSeconds:0.#}; not retried)";
        else if (!c.Retryable)
            message += " (not retried)";
        return Fail(c.ErrorClass, call, message, null);
    }

    /// <summary>The provider's own error message when the body is a known error shape, else the body's start.</summary>
    private string UpstreamMessage(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String) return redactor.RedactShort(error.GetString());
                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                    return redactor.RedactShort(m.GetString());
            }
        }
        catch (JsonException) { }
        return string.IsNullOrWhiteSpace(body) ? "(empty body)" : redactor.RedactShort(body, 200);
    }

    protected ProviderException Fail(string errorClass, ProviderCall call, string message, Exception? inner,
        TokenUsage? usage = null, string? model = null) =>
        new(Name, errorClass, redactor.Redact($"{Name} {call.Model}: {message}"), inner is null ? null : new RedactedException(inner.GetType().Name))
        {
            Usage = usage, BilledModel = usage is null ? null : model ?? call.Model,
        };

    /// <summary>A cut answer: never returned as an answer (see <see cref="TruncationException"/>).</summary>
    protected TruncationException Truncated(ProviderCall call, string message, TokenUsage usage, string? model,
        bool largerBudgetHelps = true) =>
        new(Name, redactor.Redact($"{Name} {call.Model}: {message}"), largerBudgetHelps) { Usage = usage, BilledModel = model ?? call.Model };

    /// <summary>A blank JSON-mode answer the provider's guide says to retry (see <see cref="BlankJsonAnswerException"/>).</summary>
    protected BlankJsonAnswerException BlankJson(ProviderCall call, string message, TokenUsage usage, string? model) =>
        new(Name, redactor.Redact($"{Name} {call.Model}: {message}")) { Usage = usage, BilledModel = model ?? call.Model };

    protected static long Long(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : 0;

    protected static JsonElement Child(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? v : default;

    protected static string? Str(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>Keeps the original exception type for diagnosis but not its text (which could carry a URL with a key).</summary>
internal sealed class RedactedException(string originalType) : Exception($"{originalType} (details redacted)");
