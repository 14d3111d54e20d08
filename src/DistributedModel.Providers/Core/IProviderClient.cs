namespace DistributedModel.Providers.Core;

/// <summary>One provider's wire protocol. Throws <see cref="ProviderException"/> with a redacted message on failure.</summary>
internal interface IProviderClient
{
    string Name { get; }

    Task<ProviderResult> CompleteAsync(ProviderCall call, CancellationToken ct);
}
