using System.Text.Json;
using DistributedModel.Core.Configuration;
using DistributedModel.Core.Workspace;
using DistributedModel.Providers;

namespace DistributedModel.Mcp.Hosting;

/// <summary>
/// Reads the <c>mcp</c> section of the user's <c>~/.claude/dm.json</c> and then of the project's <c>.claude/dm.json</c>
/// over the compiled-in defaults:
/// <code>{"mcp": {"toolTimeoutSeconds": 240, "progressIntervalSeconds": 5, "summarize": {"windowChars": 200000,
/// "compressBudgetBytes": 65536, "digestMaxBytes": 6144, "maxInputBytes": 67108864, "mapConcurrency": 3},
/// "maxFiles": 200, "maxFileBytes": 67108864, "contextBudgetBytes": 120000, "scaffold": {"maxFiles": 40, "allowPaths": [".github/workflows/ci.yml"]},
/// "tribunal": {"providers": ["openai","gemini","deepseek"], "stragglerGraceSeconds": 20}}}</code>
/// The project's values go through <see cref="ConfigKeys"/>: it may lower limits, never raise them, and may not lift the
/// scaffold's control-file denial (<c>allowPaths</c>) or change the summarize window (a small window multiplies provider
/// calls on your key); each value it may not set is one line in <see cref="McpOptions.Warnings"/>. Every number has a hard
/// range whoever sets it. Never throws: a malformed file or value is left at its default and becomes one line in
/// <see cref="McpOptions.Problems"/> naming the file and the key (the server starts with the valid rest and says so).
/// </summary>
public static class McpOptionsLoader
{
    private static readonly Limit[] Limits =
    [
        new("mcp.toolTimeoutSeconds", 1, 3600, Seconds: true, (o, v) => o.ToolTimeout = TimeSpan.FromSeconds(v), o => o.ToolTimeout.TotalSeconds),
        new("mcp.progressIntervalSeconds", 1, 60, Seconds: true, (o, v) => o.ProgressInterval = TimeSpan.FromSeconds(v), o => o.ProgressInterval.TotalSeconds),
        new("mcp.maxFiles", 1, 10_000, Seconds: false, (o, v) => o.MaxFiles = (int)v, o => o.MaxFiles),
        new("mcp.maxFileBytes", 1024, 256 * 1024 * 1024, Seconds: false, (o, v) => o.MaxFileBytes = (int)v, o => o.MaxFileBytes),
        new("mcp.contextBudgetBytes", 1024, 1_000_000, Seconds: false, (o, v) => o.ContextBudgetBytes = (int)v, o => o.ContextBudgetBytes),
        new("mcp.summarize.windowChars", 20_000, 1_000_000, Seconds: false, (o, v) => o.SummarizeWindowChars = (int)v, o => o.SummarizeWindowChars),
        new("mcp.summarize.compressBudgetBytes", 1024, 1024 * 1024, Seconds: false, (o, v) => o.SummarizeCompressBudgetBytes = (int)v, o => o.SummarizeCompressBudgetBytes),
        new("mcp.summarize.digestMaxBytes", 512, 32 * 1024, Seconds: false, (o, v) => o.DigestMaxBytes = (int)v, o => o.DigestMaxBytes),
        new("mcp.summarize.maxInputBytes", 1024, 256L * 1024 * 1024, Seconds: false, (o, v) => o.MaxInputBytes = (long)v, o => o.MaxInputBytes),
        new("mcp.summarize.mapConcurrency", 1, 8, Seconds: false, (o, v) => o.MapConcurrency = (int)v, o => o.MapConcurrency),
        new("mcp.scaffold.maxFiles", 1, 200, Seconds: false, (o, v) => o.ScaffoldMaxFiles = (int)v, o => o.ScaffoldMaxFiles),
        new("mcp.tribunal.stragglerGraceSeconds", 1, 300, Seconds: true, (o, v) => o.TribunalStragglerGrace = TimeSpan.FromSeconds(v), o => o.TribunalStragglerGrace.TotalSeconds),
    ];

    public static McpOptions Load(WorkspacePaths paths, string userConfigFile)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentException.ThrowIfNullOrEmpty(userConfigFile);
        var options = new McpOptions();
        var warnings = new List<string>();
        var problems = new List<string>();
        if (Section(userConfigFile, problems) is { } user) Apply(user, options, new Reader(userConfigFile), trusted: true, warnings, problems, userConfigFile);
        if (!UserConfigFile.IsSameFile(paths.ConfigFile, userConfigFile) && Section(paths.ConfigFile, problems) is { } repo)
            Apply(repo, options, new Reader(paths.ConfigFile), trusted: false, warnings, problems, userConfigFile);
        options.Warnings = warnings;
        options.Problems = problems;
        return options;
    }

    private static JsonElement? Section(string file, List<string> problems)
    {
        try { return DmJsonSection.Read(file, "mcp"); }
        catch (InvalidOperationException ex) { problems.Add(ex.Message); return null; }
    }

    private static void Apply(JsonElement mcp, McpOptions options, Reader r, bool trusted, List<string> warnings, List<string> problems, string userFile)
    {
        void Try(string key, Action<string> apply)
        {
            try { apply(key); }
            catch (InvalidOperationException ex) { problems.Add(ex.Message); }
        }

        foreach (var limit in Limits)
        {
            if (Find(mcp, limit.Key) is not { } value) continue;
            Try(limit.Key, key =>
            {
                var v = r.Number(value, limit);
                if (trusted || ConfigKeys.RepoMayApply(key, v <= limit.Get(options))) limit.Set(options, v);
                else warnings.Add(ConfigKeys.Ignored(key, ".claude/dm.json", userFile));
            });
        }
        if (Find(mcp, "mcp.scaffold.allowPaths") is { } ap)
        {
            Try("mcp.scaffold.allowPaths", key =>
            {
                var list = r.Paths(ap, key);
                if (trusted || ConfigKeys.RepoMayApply(key, tighter: false)) options.ScaffoldAllowPaths = list;
                else warnings.Add(ConfigKeys.Ignored(key, ".claude/dm.json", userFile));
            });
        }
        if (Find(mcp, "mcp.tribunal.providers") is { } p)
        {
            Try("mcp.tribunal.providers", key =>
            {
                var list = r.Providers(p);
                if (trusted || ConfigKeys.RepoMayApply(key, tighter: false)) options.TribunalProviders = list;
                else warnings.Add(ConfigKeys.Ignored(key, ".claude/dm.json", userFile));
            });
        }
    }

    /// <summary>The value at <c>mcp.a.b</c> under the section object, or null when absent.</summary>
    private static JsonElement? Find(JsonElement mcp, string key)
    {
        var current = mcp;
        var parts = key.Split('.');
        for (int i = 1; i < parts.Length; i++)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(parts[i], out var next)) return null;
            current = next;
        }
        return current;
    }

    private sealed record Limit(string Key, double Min, double Max, bool Seconds, Action<McpOptions, double> Set, Func<McpOptions, double> Get);

    private sealed class Reader(string file)
    {
        public double Number(JsonElement v, Limit limit)
        {
            bool ok = v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d >= limit.Min && d <= limit.Max
                && (limit.Seconds || Math.Floor(d) == d);
            if (!ok)
            {
                var unit = limit.Seconds ? "a number of seconds" : "a whole number";
                throw new InvalidOperationException($"{file}: {limit.Key} must be {unit} from {limit.Min:#,0} to {limit.Max:#,0}, got {v.GetRawText()}");
            }
            return v.GetDouble();
        }

        public IReadOnlyCollection<string> Paths(JsonElement v, string key)
        {
            if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString())))
                throw new InvalidOperationException($"{file}: {key} must be an array of workspace-relative paths");
            return [.. v.EnumerateArray().Select(e => e.GetString()!.Trim().Replace('\\', '/')).Select(p => p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p)];
        }

        public IReadOnlyList<string> Providers(JsonElement v)
        {
            if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() == 0)
                throw new InvalidOperationException($"{file}: mcp.tribunal.providers must be a non-empty array of provider names");
            var list = new List<string>();
            foreach (var e in v.EnumerateArray())
            {
                var name = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                if (!ProviderNames.IsKnown(name))
                    throw new InvalidOperationException(
                        $"{file}: mcp.tribunal.providers has unknown provider {e.GetRawText()} (known: {string.Join(", ", ProviderNames.All)})");
                list.Add(name!);
            }
            return list;
        }
    }
}
