using System.Globalization;
using System.Text.Json;
using DistributedModel.Core.Runtime;

namespace DistributedModel.Cli.Dispatch;

/// <summary>
/// What the names dispatch gives tell about a job: its id <c>yyyyMMdd-HHmmss-&lt;hex6&gt;</c> names its worktree folder
/// and its artifacts folder and holds its start time; its branch <c>dm/&lt;slug&gt;-&lt;hex6&gt;</c> ends with the same
/// suffix. The state word is read from <c>state.json</c> without its signature check (dm has no business trusting it):
/// it is used only to leave a job alone, never to remove more.
/// </summary>
public static class DispatchJobFolder
{
    private const int MaxStateBytes = 64 * 1024;

    /// <summary>The id in a worktree folder's name, or null when it is not one.</summary>
    public static string? IdOfWorktree(string path)
    {
        var name = Path.GetFileName(path.TrimEnd('/'));
        return CreatedAt(name) is null ? null : name;
    }

    /// <summary>The id of the job whose branch is <paramref name="branch"/>: the artifacts folder with the branch's suffix.</summary>
    public static string? IdOfBranch(string root, string branch)
    {
        var dash = branch.LastIndexOf('-');
        if (dash < 0) return null;
        var suffix = branch[(dash + 1)..];
        var dir = Path.Combine(root, ".claude", "dm", "dispatch");
        if (suffix.Length != 6 || !Directory.Exists(dir)) return null;
        return Directory.EnumerateDirectories(dir).Select(d => Path.GetFileName(d))
            .FirstOrDefault(n => n.EndsWith("-" + suffix, StringComparison.Ordinal) && CreatedAt(n) is not null);
    }

    /// <summary>When job <paramref name="id"/> was created (UTC), from its id; null when it is not an id.</summary>
    public static DateTimeOffset? CreatedAt(string? id) =>
        id is { Length: 22 } && id[15] == '-' && id[16..].All(char.IsAsciiHexDigitLower)
        && DateTimeOffset.TryParseExact(id[..15], "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    /// <summary>The state word of job <paramref name="id"/> (queued, running, done, …), or null when unreadable.</summary>
    public static string? StateOf(string root, string? id)
    {
        if (id is null) return null;
        try
        {
            var bytes = BoundedFile.Read(Path.Combine(root, ".claude", "dm", "dispatch", id, "state.json"), MaxStateBytes);
            using var doc = JsonDocument.Parse(bytes);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("state", out var s)
                && s.ValueKind == JsonValueKind.String && s.GetString() is { Length: > 0 and <= 20 } word && word.All(char.IsAsciiLetterLower)
                ? word : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or BoundedFileException)
        {
            return null;
        }
    }

    /// <summary>Whether the job may still be worked on by a server (its state says so): clean leaves it unless forced.</summary>
    public static bool MayRun(string? state) => state is "queued" or "running";

    /// <summary>Bytes of the files under <paramref name="folder"/> (links not followed); 0 when it is gone.</summary>
    public static long SizeOf(string folder)
    {
        if (!Directory.Exists(folder)) return 0;
        long total = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var f in new DirectoryInfo(folder).EnumerateFiles("*", options)) total += f.Length;
        return total;
    }
}
