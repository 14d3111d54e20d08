using System.Text.RegularExpressions;

namespace DistributedModel.Cli.Discover;

/// <summary>
/// Finds Claude Code's transcripts: <c>$CLAUDE_CONFIG_DIR</c> (else <c>~/.claude</c>) <c>/projects/&lt;slug&gt;/&lt;session-id&gt;.jsonl</c>,
/// where the slug is the project's absolute path with every character outside <c>[A-Za-z0-9]</c> replaced by <c>-</c>
/// (Claude Code 2.1.197–2.1.332: <c>cwd.replace(/[^a-zA-Z0-9]/g,"-")</c>; very long paths are cut and given a suffix, so a
/// directory that starts with the first 200 characters of the slug matches too). Never writes.
/// </summary>
public static partial class TranscriptLocator
{
    private const int SlugPrefixChars = 200;

    public static string ProjectsDir(CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var config = env.GetEnvironmentVariable("CLAUDE_CONFIG_DIR");
        var dir = string.IsNullOrWhiteSpace(config) ? Path.Combine(env.HomeDirectory, ".claude") : env.ResolvePath(config);
        return Path.Combine(dir, "projects");
    }

    public static string Slug(string path) => NonAlphanumeric().Replace(path, "-");

    /// <summary>The project directories holding transcripts of <paramref name="repoRoot"/> (or of every project when null).</summary>
    public static IReadOnlyList<string> ProjectDirs(string projectsDir, string? repoRoot)
    {
        if (!Directory.Exists(projectsDir)) return [];
        var dirs = Directory.EnumerateDirectories(projectsDir).Order(StringComparer.Ordinal).ToList();
        if (repoRoot is null) return dirs;
        var slug = Slug(Path.TrimEndingDirectorySeparator(repoRoot));
        return dirs.Where(d =>
        {
            var name = Path.GetFileName(d);
            return name == slug || (slug.Length > SlugPrefixChars && name.StartsWith(slug[..SlugPrefixChars], StringComparison.Ordinal));
        }).ToList();
    }

    /// <summary>Session transcripts (<c>*.jsonl</c> directly in a project directory) written to since <paramref name="since"/>, oldest first.</summary>
    public static IReadOnlyList<string> Sessions(string projectDir, DateTimeOffset since) =>
        Directory.EnumerateFiles(projectDir, "*.jsonl", SearchOption.TopDirectoryOnly)
            .Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f)))
            .Where(x => x.Time >= since.UtcDateTime)
            .OrderBy(x => x.Time).ThenBy(x => x.File, StringComparer.Ordinal)
            .Select(x => x.File).ToList();

    [GeneratedRegex("[^a-zA-Z0-9]")]
    private static partial Regex NonAlphanumeric();
}
