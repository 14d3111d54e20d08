namespace DistributedModel.Providers;

/// <summary>
/// A provider call (or a whole lane) failed. The message is meant for a person, names the cause and never contains a key.
/// </summary>
public class ProviderException : Exception
{
    public ProviderException() : this(null, ProviderErrorClass.Unknown, "provider call failed") { }

    public ProviderException(string message) : this(null, ProviderErrorClass.Unknown, message) { }

    public ProviderException(string message, Exception innerException) : this(null, ProviderErrorClass.Unknown, message, innerException) { }

    public ProviderException(string? provider, string errorClass, string message, Exception? innerException = null,
        IReadOnlyList<ProviderFailure>? failures = null)
        : base(message, innerException)
    {
        Provider = provider;
        ErrorClass = errorClass;
        Failures = failures ?? [];
    }

    /// <summary>The provider that failed, or null for lane-level refusals.</summary>
    public string? Provider { get; }

    /// <summary>One of <see cref="ProviderErrorClass"/>.</summary>
    public string ErrorClass { get; }

    /// <summary>
    /// What the provider reported it billed for this attempt (a truncated, empty or filtered answer is billed in full),
    /// or null when no usage came back (the ledger then marks the attempt unpriced, never $0).
    /// </summary>
    public TokenUsage? Usage { get; init; }

    /// <summary>The model the provider says answered, when <see cref="Usage"/> is known.</summary>
    public string? BilledModel { get; init; }

    /// <summary>For a lane failure: what happened at each provider of the chain, in order.</summary>
    public IReadOnlyList<ProviderFailure> Failures { get; }
}

/// <summary>Why one provider of a chain did not answer.</summary>
public sealed record ProviderFailure(string Provider, string ErrorClass, string Message);
