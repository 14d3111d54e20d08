namespace DistributedModel.Providers.Configuration;

/// <summary>How a URL is printed anywhere (errors, ledger, logs, doctor): never with its userinfo (<c>user:pass@</c>).</summary>
public static class UrlText
{
    public const string Mask = "[REDACTED]";

    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrEmpty(url.UserInfo)) return url.ToString();
        var b = new UriBuilder(url) { UserName = Mask, Password = "" };
        return b.Uri.ToString().Replace(Uri.EscapeDataString(Mask), Mask, StringComparison.Ordinal);
    }

    /// <summary>The scheme, host and port only (what error messages name).</summary>
    public static string Authority(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return $"{url.Scheme}://{url.Authority}";
    }
}
