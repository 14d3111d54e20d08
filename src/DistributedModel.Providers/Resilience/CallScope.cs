namespace DistributedModel.Providers.Resilience;

/// <summary>
/// Per-call state that flows (via <see cref="AsyncLocal{T}"/>) from the lane client into the HTTP resilience pipeline:
/// the lane's timeouts, and the number of HTTP attempts actually sent.
/// </summary>
internal sealed class CallScope(TimeSpan attemptTimeout, TimeSpan totalTimeout)
{
    private static readonly AsyncLocal<CallScope?> CurrentScope = new();
    private int _attempts;

    public TimeSpan AttemptTimeout { get; } = attemptTimeout;

    public TimeSpan TotalTimeout { get; } = totalTimeout;

    public int Attempts => Volatile.Read(ref _attempts);

    public void CountAttempt() => Interlocked.Increment(ref _attempts);

    public static CallScope? Current
    {
        get => CurrentScope.Value;
        set => CurrentScope.Value = value;
    }
}
