using System.Text.Json;
using DistributedModel.Core.Workspace;
using DistributedModel.Providers;

namespace DistributedModel.Mcp.Hosting;

/// <summary>
/// Reads the <c>mcp</c> section of <c>.claude/dm.json</c> over the compiled-in defaults:
/// <code>{"mcp": {"toolTimeoutSeconds": 240, "progressIntervalSeconds": 5, "summarize": {"windowChars": 200000,
/// "compressBudgetBytes": 65536, "digestMaxBytes": 6144, "maxInputBytes": 67108864, "mapConcurrency": 3},
/// "maxFiles": 200, "maxFileBytes": 67108864, "contextBudgetBytes": 120000, "scaffold": {"maxFiles": 40, "allowPaths": [".github/workflows/ci.yml"]},
/// "tribunal": {"providers": ["openai","gemini","deepseek"], "stragglerGraceSeconds": 20}}}</code>
/// A malformed file or value fails with a message naming the file and the key.
/// </summary>
public static class McpOptionsLoader
{
    public static McpOptions Load(WorkspacePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var options = new McpOptions();
        if (DmJsonSection.Read(paths.ConfigFile, "mcp") is not { } mcp) return options;
        var r = new Reader(paths.ConfigFile);
        if (r.Seconds(mcp, "toolTimeoutSeconds", "mcp") is { } t) options.ToolTimeout = t;
        if (r.Seconds(mcp, "progressIntervalSeconds", "mcp") is { } pi) options.ProgressInterval = pi;
        if (r.Int(mcp, "maxFiles", "mcp") is { } mf) options.MaxFiles = mf;
        if (r.Int(mcp, "maxFileBytes", "mcp") is { } mfb) options.MaxFileBytes = mfb;
        if (r.Int(mcp, "contextBudgetBytes", "mcp") is { } cb) options.ContextBudgetBytes = cb;
        if (mcp.TryGetProperty("summarize", out var s) && s.ValueKind == JsonValueKind.Object)
        {
            if (r.Int(s, "windowChars", "mcp.summarize") is { } w) options.SummarizeWindowChars = w;
            if (r.Int(s, "compressBudgetBytes", "mcp.summarize") is { } c) options.SummarizeCompressBudgetBytes = c;
            if (r.Int(s, "digestMaxBytes", "mcp.summarize") is { } d) options.DigestMaxBytes = d;
            if (r.Int(s, "maxInputBytes", "mcp.summarize") is { } m) options.MaxInputBytes = m;
            if (r.Int(s, "mapConcurrency", "mcp.summarize") is { } mc) options.MapConcurrency = mc;
        }
        if (mcp.TryGetProperty("scaffold", out var sc) && sc.ValueKind == JsonValueKind.Object)
        {
            if (r.Int(sc, "maxFiles", "mcp.scaffold") is { } smf) options.ScaffoldMaxFiles = smf;
            if (sc.TryGetProperty("allowPaths", out var ap)) options.ScaffoldAllowPaths = r.Paths(ap, "mcp.scaffold.allowPaths");
        }
        if (mcp.TryGetProperty("tribunal", out var tr) && tr.ValueKind == JsonValueKind.Object)
        {
            if (r.Seconds(tr, "stragglerGraceSeconds", "mcp.tribunal") is { } g) options.TribunalStragglerGrace = g;
            if (tr.TryGetProperty("providers", out var p)) options.TribunalProviders = r.Providers(p);
        }
        return options;
    }

    private sealed class Reader(string file)
    {
        public int? Int(JsonElement parent, string name, string section)
        {
            if (!parent.TryGetProperty(name, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i) || i <= 0)
                throw new InvalidOperationException($"{file}: {section}.{name} must be a positive whole number, got {v.GetRawText()}");
            return i;
        }

        public TimeSpan? Seconds(JsonElement parent, string name, string section)
        {
            if (!parent.TryGetProperty(name, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || d <= 0)
                throw new InvalidOperationException($"{file}: {section}.{name} must be a positive number of seconds, got {v.GetRawText()}");
            return TimeSpan.FromSeconds(d);
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
