using System.Text.Json;

namespace DistributedModel.Core.Configuration;

/// <summary>
/// What a project's <c>.claude/dm.json</c> sets that only the user may set (<see cref="ConfigKeys"/>, user-only keys
/// without a wildcard): each is ignored by the loader that reads it, and <c>dm doctor</c> lists them all in one place
/// instead of leaving each to appear in its own tool's answer or log. A project at <c>~</c> is the user's own file.
/// </summary>
public static class RepoConfigAudit
{
    /// <summary>One finding per user-only key the project's file sets: the key and its warning
    /// (<see cref="ConfigKeys.Ignored(string, string, string)"/>), in the table's order; none when the file is missing,
    /// unreadable or not JSON (the loaders report that).</summary>
    public static IReadOnlyList<(string Key, string Warning)> UserOnlyKeysSet(string repoFile, string userFile)
    {
        if (UserConfigFile.IsSameFile(repoFile, userFile)) return [];
        JsonElement? root;
        try { root = DmJsonSection.ReadRoot(repoFile); }
        catch (InvalidOperationException) { return []; }
        if (root is not { } r) return [];
        var found = new List<(string, string)>();
        foreach (var key in ConfigKeys.Declared.Order(StringComparer.Ordinal))
        {
            if (key.Contains('*', StringComparison.Ordinal) || ConfigKeys.Of(key)!.Scope != ConfigKeyScope.UserOnly) continue;
            if (Has(r, key)) found.Add((key, ConfigKeys.Ignored(key, ".claude/dm.json", userFile)));
        }
        return found;
    }

    private static bool Has(JsonElement root, string key)
    {
        var node = root;
        foreach (var part in key.Split('.'))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node)) return false;
        }
        return node.ValueKind != JsonValueKind.Null;
    }
}
