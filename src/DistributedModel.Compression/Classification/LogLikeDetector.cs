using System.Text.RegularExpressions;

namespace DistributedModel.Compression;

/// <summary>
/// Decides whether a file the model Read is log-like (safe to compress) or source (must stay exact: the model may Edit it).
/// Source extensions always say no; log extensions and names say yes; otherwise the content decides — most of the first
/// lines start with a timestamp or a log level.
/// </summary>
public static partial class LogLikeDetector
{
    private static readonly HashSet<string> LogExtensions = new(StringComparer.OrdinalIgnoreCase) { ".log", ".out", ".err", ".trace", ".trx", ".stdout", ".stderr" };

    private static readonly HashSet<string> SourceExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".csproj", ".props", ".targets", ".sln", ".slnx", ".fs", ".vb", ".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx",
        ".go", ".rs", ".java", ".kt", ".kts", ".scala", ".c", ".h", ".cc", ".cpp", ".hpp", ".m", ".swift", ".rb", ".php", ".lua",
        ".sh", ".bash", ".zsh", ".ps1", ".sql", ".json", ".yaml", ".yml", ".toml", ".xml", ".html", ".css", ".scss", ".md",
        ".txt", ".ini", ".cfg", ".conf", ".env", ".dockerfile", ".gradle", ".tf", ".proto", ".graphql", ".vue", ".svelte",
    };

    public static bool IsLogLike(string? path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!string.IsNullOrEmpty(path))
        {
            var name = Path.GetFileName(path);
            var ext = Path.GetExtension(name);
            if (LogExtensions.Contains(ext)) return true;
            if (RotatedLogRegex().IsMatch(name)) return true;
            if (SourceExtensions.Contains(ext)) return false;
            if (name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase) || name.Equals("Makefile", StringComparison.Ordinal)) return false;
        }
        return LooksLikeLog(content);
    }

    private static bool LooksLikeLog(string content)
    {
        int lines = 0, logLines = 0, start = 0;
        while (start < content.Length && lines < 50)
        {
            int nl = content.IndexOf('\n', start);
            var line = nl < 0 ? content.AsSpan(start) : content.AsSpan(start, nl - start);
            start = nl < 0 ? content.Length : nl + 1;
            if (line.IsWhiteSpace()) continue;
            lines++;
            if (LogLineStartRegex().IsMatch(line)) logLines++;
        }
        return lines >= 5 && logLines * 10 >= lines * 6;
    }

    [GeneratedRegex(@"^\s*(?:\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{2}:\d{2}:\d{2}|\[?(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|CRITICAL|DBG|INF|WRN|ERR|FTL)\b|[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex LogLineStartRegex();

    [GeneratedRegex(@"\.log\.\d+(?:\.gz)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RotatedLogRegex();
}
