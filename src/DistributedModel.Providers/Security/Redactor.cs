using System.Text.RegularExpressions;

namespace DistributedModel.Providers.Security;

/// <summary>
/// Scrubs secrets from any text that may reach a log, the ledger or an exception: the configured key values,
/// <c>Authorization</c> / <c>x-goog-api-key</c> header values, <c>key=</c> query parameters and key-shaped tokens.
/// </summary>
internal sealed partial class Redactor
{
    public const string Mask = "[REDACTED]";
    private readonly string[] _secrets;

    public Redactor(IEnumerable<string> secrets)
    {
        _secrets = secrets.Where(s => s.Length >= 4).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        foreach (var s in _secrets) text = text.Replace(s, Mask, StringComparison.Ordinal);
        text = AuthorizationHeader().Replace(text, "$1" + Mask);
        text = GoogleKeyHeader().Replace(text, "$1" + Mask);
        text = KeyQuery().Replace(text, "$1" + Mask);
        text = KeyShapes().Replace(text, Mask);
        text = RedactUrlText(text);
        return text;
    }

    /// <summary>The userinfo of every URL in <paramref name="text"/> (<c>https://user:pass@host</c>) replaced by the mask.</summary>
    public static string RedactUrlText(string text) => UrlUserInfo().Replace(text, "$1" + Mask + "@");

    /// <summary>Redacts and cuts to <paramref name="max"/> characters (error bodies can be large).</summary>
    public string RedactShort(string? text, int max = 300)
    {
        var r = Redact(text).ReplaceLineEndings(" ").Trim();
        return r.Length <= max ? r : string.Concat(r.AsSpan(0, max), "…");
    }

    [GeneratedRegex(@"(?i)(authorization[""']?\s*[:=]\s*[""']?(?:bearer\s+|basic\s+)?)[^\s""',;]+")]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?i)(x-goog-api-key[""']?\s*[:=]\s*[""']?)[^\s""',;]+")]
    private static partial Regex GoogleKeyHeader();

    [GeneratedRegex(@"(?i)([?&""'\s]key=)[^&\s""']+")]
    private static partial Regex KeyQuery();

    [GeneratedRegex(@"(?i)\b([a-z][a-z0-9+.\-]*://)[^/\s@""'<>]+@")]
    private static partial Regex UrlUserInfo();

    [GeneratedRegex(@"\b(?:sk-[A-Za-z0-9_\-]{16,}|AIza[0-9A-Za-z_\-]{30,})")]
    private static partial Regex KeyShapes();
}
