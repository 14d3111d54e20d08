using System.Text;

namespace DistributedModel.Mcp.Decisions;

/// <summary>File-name slugs for decision records: lowercase ASCII words joined by '-', at most 60 characters.</summary>
internal static class Slug
{
    public static string From(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= 60) break;
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "decision" : slug;
    }
}
