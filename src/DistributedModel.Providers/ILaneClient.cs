namespace DistributedModel.Providers;

/// <summary>Sends one prompt through a lane's provider chain (or one pinned provider).</summary>
public interface ILaneClient
{
    /// <summary>
    /// Runs the lane's fallback chain (or only <see cref="LaneRequest.Provider"/> if pinned). Throws
    /// <see cref="ProviderException"/> (clear message, never a key) when every provider failed or was skipped.
    /// Every attempt is written to the ledger.
    /// </summary>
    Task<LaneResponse> CompleteAsync(LaneRequest request, CancellationToken ct = default);
}
