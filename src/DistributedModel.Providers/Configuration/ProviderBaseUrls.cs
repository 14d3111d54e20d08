using DistributedModel.Core.Workspace;
using Microsoft.Extensions.Configuration;

namespace DistributedModel.Providers.Configuration;

/// <summary>Where each provider's requests go and why, resolved exactly as the lanes resolve it (for <c>dm doctor</c>).</summary>
public static class ProviderBaseUrls
{
    /// <param name="Url">Printable: never with userinfo.</param>
    /// <param name="Source">"default", an environment variable, or the dm.json file and key it came from.</param>
    /// <param name="Refused">Why the provider is not used (a repository chose a host the user has not allowed), or null.</param>
    /// <param name="Authority">Scheme, host and port only (what a reachability probe may call).</param>
    public sealed record Resolved(string Provider, string Url, string Authority, string Source, string? Refused);

    /// <summary>Throws <see cref="InvalidOperationException"/> (every problem listed) when the configuration is invalid.</summary>
    public static IReadOnlyList<Resolved> Resolve(WorkspacePaths paths, IConfiguration? config) =>
        From(DmSettingsLoader.Load(paths, config));

    /// <summary>Never throws: the base URLs in force (a value with a problem is left at its default, and a repository's
    /// refused host stays refused, so <c>dm doctor</c> never probes it) and the configuration's problems.</summary>
    public static (IReadOnlyList<Resolved> Providers, IReadOnlyList<string> Problems, IReadOnlyList<string> Ignored) ResolveWithProblems(
        WorkspacePaths paths, IConfiguration? config)
    {
        var settings = DmSettingsLoader.LoadWithProblems(paths, config);
        return (From(settings), settings.Problems, settings.Ignored);
    }

    private static List<Resolved> From(DmProviderSettings settings) =>
        ProviderNames.All.Select(n => settings.Providers[n])
            .Select(p => new Resolved(p.Name, UrlText.Redact(p.BaseUrl), UrlText.Authority(p.BaseUrl), p.BaseUrlSource, p.BlockedReason))
            .ToList();
}
