using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DistributedModel.Hooks.Logging;
using DistributedModel.Hooks.Workspace;

namespace DistributedModel.Mcp.Dispatch.Review;

/// <summary>
/// Reviewer calls straight to a local Ollama (<c>POST {OLLAMA_HOST}/api/chat</c>, JSON-schema <c>format</c>, no
/// thinking), each written to the ledger (lane <c>review</c>, provider <c>ollama</c>). Used when the provider library's
/// review lane is not registered; it serves only the <c>ollama</c> provider. Host: <c>dispatch.ollamaHost</c>, else
/// <c>OLLAMA_HOST</c>, else http://127.0.0.1:11434.
/// </summary>
public sealed class OllamaReviewerClient(WorkspacePaths paths, HttpClient http, DispatchOptionsLoader options) : IReviewerClient
{
    public const string DefaultHost = "http://127.0.0.1:11434";
    public const int ContextTokens = 32768;

    /// <summary>The Ollama base address from <c>OLLAMA_HOST</c> (with or without scheme), else the local default.</summary>
    public static Uri ResolveHost(string? ollamaHost)
    {
        var h = string.IsNullOrWhiteSpace(ollamaHost) ? DefaultHost : ollamaHost.Trim();
        if (!h.Contains("://", StringComparison.Ordinal)) h = "http://" + h;
        return new Uri(h.TrimEnd('/') + "/");
    }

    public async Task<ReviewerReply> CompleteAsync(ReviewerCall call, CancellationToken ct)
    {
        if (call.Provider != "ollama")
        {
            throw new NotSupportedException($"reviewer provider '{call.Provider}' needs the provider library's review lane, "
                + "which is not available in this server; use an ollama reviewer.");
        }
        var model = call.Model ?? DispatchOptions.DefaultReviewerModel;
        var body = new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = call.SystemPrompt },
                new JsonObject { ["role"] = "user", ["content"] = call.UserPrompt }),
            ["stream"] = false,
            ["format"] = JsonNode.Parse(call.JsonSchema),
            ["think"] = false,
            ["options"] = new JsonObject { ["temperature"] = 0.2, ["num_ctx"] = ContextTokens },
        };
        var url = new Uri(ResolveHost(LoadOptions().OllamaHost ?? Environment.GetEnvironmentVariable("OLLAMA_HOST")), "api/chat");
        var sw = Stopwatch.StartNew();
        try
        {
            var (reply, input, output) = await PostAsync(url, body, model, ct).ConfigureAwait(false);
            Ledger(model, input, output, sw.Elapsed, null);
            return new ReviewerReply(reply, "ollama", model, input, output, 0m);
        }
        catch (OperationCanceledException)
        {
            Ledger(model, 0, 0, sw.Elapsed, "cancelled or timed out");
            throw;
        }
        catch (HttpRequestException ex)
        {
            Ledger(model, 0, 0, sw.Elapsed, ex.Message);
            throw;
        }
    }

    private async Task<(string Reply, long Input, long Output)> PostAsync(Uri url, JsonObject body, string model, CancellationToken ct)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(url, content, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new HttpRequestException($"ollama unreachable at {url.GetLeftPart(UriPartial.Authority)}: {ex.Message}", ex);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"ollama {model}: HTTP {(int)response.StatusCode} {Clip(text)}", null, response.StatusCode);
            try
            {
                var json = JsonNode.Parse(text);
                var reply = json?["message"]?["content"]?.GetValue<string>()
                    ?? throw new HttpRequestException($"ollama {model}: the response has no message.content");
                return (reply, json?["prompt_eval_count"]?.GetValue<long>() ?? 0, json?["eval_count"]?.GetValue<long>() ?? 0);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                throw new HttpRequestException($"ollama {model}: unexpected response ({ex.Message})", ex);
            }
        }
    }

    private void Ledger(string model, long input, long output, TimeSpan elapsed, string? error)
    {
        var baseline = LoadOptions().BaselinePrices.Cost(input, 0, output);
        var record = new LedgerRecord(
            DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            "review", "ollama", model, input, output, 0, 0, 0m, Math.Round(baseline, 6), (long)elapsed.TotalMilliseconds, 1, null,
            error is null ? "ok" : "error", error);
        AtomicAppender.AppendLine(paths.Ledger, JsonSerializer.Serialize(record, DispatchJsonContext.Default.LedgerRecord));
    }

    private DispatchOptions LoadOptions()
    {
        try { return options.Load(); }
        catch (InvalidOperationException) { return new DispatchOptions(); }
    }

    private static string Clip(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
