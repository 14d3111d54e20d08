using System.Net;

namespace DistributedModel.Providers.Configuration;

/// <summary>
/// Where a provider's requests (and the user's key) may go. Keys go only to hosts the user chose: a base URL from the
/// environment or from the user's own <c>~/.claude/dm.json</c> is used as is; one from a repository's
/// <c>.claude/dm.json</c> only when the user listed its host in <c>allowedBaseUrlHosts</c> of <c>~/.claude/dm.json</c>.
/// A provider that sends a key needs <c>https</c> unless the host is this machine (loopback).
/// </summary>
internal static class BaseUrlPolicy
{
    public const string AllowListKey = "allowedBaseUrlHosts";

    /// <summary>localhost, 127.0.0.0/8, ::1.</summary>
    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>"host" or "host:port" as written in the allow list (lower-case, no scheme).</summary>
    public static bool IsAllowed(Uri url, IReadOnlyCollection<string> allowed) =>
        allowed.Contains(url.IdnHost.ToLowerInvariant(), StringComparer.Ordinal)
        || allowed.Contains($"{url.IdnHost.ToLowerInvariant()}:{url.Port}", StringComparer.Ordinal);

    /// <summary>Null when <paramref name="url"/> may carry a key; else why not.</summary>
    public static string? TransportProblem(ProviderSettings p, Uri url, string source)
    {
        if (p.RequiresKey && url.Scheme != Uri.UriSchemeHttps && !IsLoopback(url))
            return $"{source} '{UrlText.Redact(url)}' is plain http: {p.Name}'s key would cross the network unencrypted; use https (http is allowed only for this machine: localhost, 127.0.0.1, ::1)";
        return null;
    }

    public static string RepoRefusal(ProviderSettings p, Uri url, string configFile, string userConfigFile) =>
        $"providers.{p.Name}.baseUrl in {configFile} points at {url.IdnHost}, a host you have not allowed: a repository's configuration " +
        $"cannot choose where {(p.RequiresKey ? $"your {p.KeyVariable} goes" : "your prompts go")}. {p.Name} is not used. To allow it, add " +
        $"\"{url.IdnHost.ToLowerInvariant()}\" to \"{AllowListKey}\" in {userConfigFile}" +
        (p.BaseUrlVariable is { } v ? $", or set {v} yourself." : ".");
}
