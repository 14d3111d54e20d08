namespace DistributedModel.Providers.Resilience;

/// <summary>Sits inside the resilience handler, so it sees every attempt (first try and each retry).</summary>
internal sealed class AttemptCounterHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CallScope.Current?.CountAttempt();
        return base.SendAsync(request, cancellationToken);
    }
}
