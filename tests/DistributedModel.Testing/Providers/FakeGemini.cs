using System.Text.Json.Nodes;
using DistributedModel.Testing.Providers.Contracts;

namespace DistributedModel.Testing.Providers;

/// <summary>
/// Fake Gemini <c>POST /v1beta/models/{model}:generateContent</c>, key in <c>x-goog-api-key</c>. Errors use Google's
/// <c>{"error":{"code","message","status","details":[QuotaFailure, RetryInfo]}}</c> shape; 429s carry no Retry-After
/// header unless the fault says so (use <see cref="FakeFault.GeminiRetryDelay"/> for the body hint).
/// </summary>
public sealed class FakeGemini : FakeProviderServer
{
    private const string Suffix = ":generateContent";

    public override string Provider => "gemini";

    public static Task<FakeGemini> StartAsync() => StartAsync(new FakeGemini());

    protected override bool IsEndpoint(string method, string path) =>
        method == "POST" && path.StartsWith("/v1beta/models/", StringComparison.Ordinal) && path.EndsWith(Suffix, StringComparison.Ordinal);

    protected override string? PresentedKey(RecordedRequest request) => request.Header("x-goog-api-key");

    protected override RecordedRequest Describe(RecordedRequest raw)
    {
        string? model = null;
        var i = raw.Path.IndexOf("/models/", StringComparison.Ordinal);
        if (i >= 0 && raw.Path.EndsWith(Suffix, StringComparison.Ordinal)) model = raw.Path[(i + 8)..^Suffix.Length];
        var json = WireJson.Parse(raw.Body);
        return raw with
        {
            Model = model,
            SystemPrompt = json["systemInstruction"]?["parts"]?[0]?["text"]?.GetValue<string>(),
            UserPrompt = json["contents"]?[0]?["parts"]?[0]?["text"]?.GetValue<string>(),
        };
    }

    protected override ContractViolation? Check(RecordedRequest request, JsonObject body) => GeminiContract.Check(request.Model ?? "", body);

    protected override string SuccessBody(RecordedRequest request, string text, FakeUsage usage, bool cut) => WireJson.Serialize(new JsonObject
    {
        ["candidates"] = new JsonArray(new JsonObject
        {
            ["content"] = new JsonObject
            {
                ["parts"] = usage.Reasoning > 0
                    ? new JsonArray(new JsonObject { ["text"] = "(thought summary)", ["thought"] = true }, new JsonObject { ["text"] = text })
                    : new JsonArray(new JsonObject { ["text"] = text }),
                ["role"] = "model",
            },
            ["finishReason"] = cut ? "MAX_TOKENS" : "STOP",
            ["index"] = 0,
        }),
        ["usageMetadata"] = new JsonObject
        {
            ["promptTokenCount"] = usage.Input,
            ["candidatesTokenCount"] = usage.Output - usage.Reasoning,
            ["thoughtsTokenCount"] = usage.Reasoning,
            ["cachedContentTokenCount"] = usage.Cached,
            ["totalTokenCount"] = usage.Input + usage.Output,
        },
        ["modelVersion"] = request.Model ?? "gemini-fake",
        ["responseId"] = "fake-" + Guid.NewGuid().ToString("N")[..8],
    });

    protected override string ErrorBody(FakeFault fault)
    {
        var status = fault.Status switch
        {
            400 => "INVALID_ARGUMENT", 401 => "UNAUTHENTICATED", 403 => "PERMISSION_DENIED", 404 => "NOT_FOUND",
            429 => "RESOURCE_EXHAUSTED", 503 => "UNAVAILABLE", 504 => "DEADLINE_EXCEEDED", _ => "INTERNAL",
        };
        var details = new JsonArray();
        if (fault.Status == 429)
            details.Add(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.QuotaFailure",
                ["violations"] = new JsonArray(new JsonObject
                {
                    ["quotaMetric"] = "generativelanguage.googleapis.com/generate_content_requests",
                    ["quotaId"] = fault.PerDayQuota ? "GenerateRequestsPerDayPerProjectPerModel" : "GenerateRequestsPerMinutePerProjectPerModel",
                }),
            });
        if (fault.RetryDelay is not null)
            details.Add(new JsonObject { ["@type"] = "type.googleapis.com/google.rpc.RetryInfo", ["retryDelay"] = fault.RetryDelay });
        return WireJson.Serialize(new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = fault.Status, ["message"] = fault.Message, ["status"] = status, ["details"] = details },
        });
    }
}
