using System.Security.Cryptography;
using System.Text;

namespace DistributedModel.Mcp.Dispatch;

/// <summary>
/// Identity of one dispatch: <see cref="Value"/> names its folders (<c>.claude/dm/worktrees/&lt;id&gt;</c>,
/// <c>.claude/dm/dispatch/&lt;id&gt;</c>), <see cref="Branch"/> is <c>dm/&lt;slug&gt;-&lt;suffix&gt;</c>. The random
/// suffix keeps concurrent dispatches of the same brief apart.
/// </summary>
public sealed record DispatchId(string Value, string Slug, string Suffix)
{
    private const int MaxSlugLength = 40;

    public string Branch => $"dm/{Slug}-{Suffix}";

    public override string ToString() => Value;

    public static DispatchId New(string brief, DateTimeOffset now)
    {
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        return new DispatchId($"{now.UtcDateTime:yyyyMMdd-HHmmss}-{suffix}", Slugify(brief), suffix);
    }

    /// <summary>Lower-case ASCII words of the brief's first line joined by '-', at most 40 chars; "change" if none.</summary>
    public static string Slugify(string brief)
    {
        var firstLine = (brief ?? "").Trim().Split('\n', 2)[0];
        var sb = new StringBuilder();
        bool dash = false;
        foreach (var c in firstLine.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (dash && sb.Length > 0) sb.Append('-');
                dash = false;
                if (sb.Length >= MaxSlugLength) break;
                sb.Append(c);
            }
            else dash = true;
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > MaxSlugLength) slug = slug[..MaxSlugLength].TrimEnd('-');
        return slug.Length == 0 ? "change" : slug;
    }
}
