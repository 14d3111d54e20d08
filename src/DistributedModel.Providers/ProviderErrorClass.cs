namespace DistributedModel.Providers;

/// <summary>Error classes written to <see cref="ProviderException.ErrorClass"/> and the ledger's <c>error</c> field.</summary>
public static class ProviderErrorClass
{
    public const string NoKey = "no_key";

    /// <summary>The provider's base URL came from a repository's configuration for a host the user has not allowed.</summary>
    public const string BaseUrlRefused = "base_url_refused";
    public const string BudgetExceeded = "budget_exceeded";
    public const string RateLimited = "rate_limited";
    public const string QuotaExhausted = "quota_exhausted";
    public const string InsufficientBalance = "insufficient_balance";
    public const string ContextTooLong = "context_too_long";
    public const string BadRequest = "bad_request";
    public const string Auth = "auth";
    public const string NotFound = "not_found";
    public const string ServerError = "server_error";
    public const string Overloaded = "overloaded";
    public const string Timeout = "timeout";
    public const string Network = "network";
    public const string CircuitOpen = "circuit_open";
    public const string MalformedResponse = "malformed_response";
    public const string EmptyResponse = "empty_response";

    /// <summary>The answer was cut at the output budget, or (Ollama) the prompt was silently cut to the context: never an answer.</summary>
    public const string Truncated = "truncated";
    public const string Cancelled = "cancelled";
    public const string AllFailed = "all_failed";
    public const string Unknown = "unknown";
}
