namespace DistributedModel.Providers.Resilience;

/// <summary>What an HTTP error means: its class, whether retrying can help, and the server's wait hint if any.</summary>
internal sealed record FailureClassification(string ErrorClass, bool Retryable, TimeSpan? RetryHint);
