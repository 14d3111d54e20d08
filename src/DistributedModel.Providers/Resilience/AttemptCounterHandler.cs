namespace DistributedModel.Providers.Resilience;

/// <summary>
/// Sits inside the resilience handler, so it sees every attempt (first try and each retry). It also reads the whole
/// body there: a connection that drops halfway through a 200 body is then a failed attempt the retry strategy sees
/// (and the attempt timeout covers a slow body), not an error after the pipeline has finished.
/// </summary>
internal sealed class AttemptCounterHandler : DelegatingHandler
{
    /// <summary>No provider answer is larger than this; a bigger body fails the attempt instead of filling memory.</summary>
    public const long MaxResponseBytes = 32L * 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CallScope.Current?.CountAttempt();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
        return response;
    }
}
