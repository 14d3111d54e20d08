using System.Text;

namespace DistributedModel.Mcp.Execution;

/// <summary>The one line a tool answer carries while the configuration has problems: how many, the first ones, and that
/// every value concerned was left at its default. Bounded: it must not crowd the answer.</summary>
internal static class ConfigurationNotice
{
    public const int MaxChars = 600;

    /// <returns>Null when there is nothing to report.</returns>
    public static string? From(IReadOnlyList<string> server, IReadOnlyList<string>? providers)
    {
        var all = server.Concat(providers ?? []).Select(p => p.ReplaceLineEndings(" ")).ToList();
        if (all.Count == 0) return null;
        var sb = new StringBuilder($"[dm.json: {all.Count} problem(s), each value left at its default, the rest applies; `dm doctor` lists them: ");
        sb.AppendJoin("; ", all);
        sb.Append(']');
        return sb.Length <= MaxChars ? sb.ToString() : sb.ToString(0, MaxChars - 2) + "…]";
    }
}
