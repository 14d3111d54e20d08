using System.Text.Json;
using DistributedModel.Core.Configuration;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Hosting;
using DistributedModel.Providers.Pricing;

namespace DistributedModel.Mcp.Dispatch;

/// <summary>
/// Reads the <c>dispatch</c> section of the user's <c>~/.claude/dm.json</c> and then of the project's <c>.claude/dm.json</c>
/// on each call (so edits apply without a restart). The project's file travels with a clone, so each of its keys is applied
/// as <see cref="ConfigKeys"/> declares: user-only keys (the codex executable, its home and <c>-c</c> overrides, prices)
/// are ignored, limits and the sandbox only tighten; each ignored value becomes one warning in
/// <see cref="DispatchOptions.Warnings"/>. Missing files or sections give the defaults; a malformed value is an error
/// naming the key; every number has a hard upper bound whoever sets it.
/// </summary>
public sealed class DispatchOptionsLoader(WorkspacePaths paths, string userConfigFile, Action<DispatchOptions>? configure = null)
{
    public const int MaxTimeoutSeconds = 4 * 3600;
    public const int MaxReviewTimeoutSeconds = 3600;
    public const int MaxHeartbeatSeconds = 600;
    public const int MaxReviewDiffCharsLimit = 400_000;
    public const int MaxResultBudgetBytes = 16 * 1024;

    /// <summary>Sandbox modes of <c>codex exec --sandbox</c>, tightest first.</summary>
    private static readonly string[] Sandboxes = ["read-only", "workspace-write", "danger-full-access"];

    public DispatchOptions Load()
    {
        var options = new DispatchOptions();
        var warnings = new List<string>();
        var repoFile = paths.ConfigFile;
        if (DmJsonSection.Read(userConfigFile, "dispatch") is { } user) Apply(user, options, trusted: true, warnings);
        if (!UserConfigFile.IsSameFile(repoFile, userConfigFile) && DmJsonSection.Read(repoFile, "dispatch") is { } repo)
            Apply(repo, options, trusted: false, warnings);
        configure?.Invoke(options);
        options.Warnings = warnings;
        return options;
    }

    private void Apply(JsonElement s, DispatchOptions o, bool trusted, List<string> warnings)
    {
        foreach (var p in s.EnumerateObject())
        {
            if (Parse(p) is not { } setting) continue; // unknown keys are ignored, like unknown sections
            var key = "dispatch." + p.Name;
            if (trusted || ConfigKeys.RepoMayApply(key, setting.IsTighter(o)))
                setting.Apply(o);
            else
                warnings.Add(ConfigKeys.Ignored(key, ".claude/dm.json", userConfigFile));
        }
    }

    /// <summary>One parsed value: how to apply it, and whether it is stricter than what <paramref name="o"/> holds.</summary>
    private sealed record Setting(Action<DispatchOptions> Apply, Func<DispatchOptions, bool> IsTighter);

    private static Setting Always(Action<DispatchOptions> apply) => new(apply, _ => false);

    private static Setting? Parse(JsonProperty p)
    {
        var v = p.Value;
        switch (p.Name)
        {
            case "codexPath": { var x = String(p); return Always(o => o.CodexPath = x); }
            case "codexModel": { var x = v.ValueKind == JsonValueKind.Null ? null : String(p); return Always(o => o.CodexModel = x); }
            case "codexHome": { var x = v.ValueKind == JsonValueKind.Null ? null : String(p); return Always(o => o.CodexHome = x); }
            case "codexConfig": { var x = Strings(p); return Always(o => o.CodexConfig = x); }
            case "sandbox":
            {
                var x = String(p);
                var rank = Array.IndexOf(Sandboxes, x);
                if (rank < 0) throw Bad(p, "one of " + string.Join(", ", Sandboxes));
                return new(o => o.Sandbox = x, o => rank <= Array.IndexOf(Sandboxes, o.Sandbox));
            }
            case "timeoutSeconds": { var x = TimeSpan.FromSeconds(Positive(p, MaxTimeoutSeconds)); return new(o => o.CodexTimeout = x, o => x <= o.CodexTimeout); }
            case "heartbeatSeconds": { var x = TimeSpan.FromSeconds(Positive(p, MaxHeartbeatSeconds, min: 1)); return Always(o => o.HeartbeatInterval = x); }
            case "reviewTimeoutSeconds": { var x = TimeSpan.FromSeconds(Positive(p, MaxReviewTimeoutSeconds)); return new(o => o.ReviewTimeout = x, o => x <= o.ReviewTimeout); }
            case "reviewers": { var x = Strings(p); return Always(o => o.Reviewers = x); }
            case "maxReviewDiffChars": { var x = (int)Positive(p, MaxReviewDiffCharsLimit, min: 1000); return new(o => o.MaxReviewDiffChars = x, o => x <= o.MaxReviewDiffChars); }
            case "keepWorktree":
            {
                var x = v.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw Bad(p, "true or false"),
                };
                return Always(o => o.KeepWorktree = x);
            }
            case "resultBudgetBytes": { var x = (int)Positive(p, MaxResultBudgetBytes, min: 256); return new(o => o.ResultBudgetBytes = x, o => x <= o.ResultBudgetBytes); }
            case "maxConcurrent":
            {
                var x = v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n is >= 1 and <= DispatchOptions.MaxConcurrentLimit
                    ? n : throw Bad(p, $"a whole number from 1 to {DispatchOptions.MaxConcurrentLimit}");
                return new(o => o.MaxConcurrent = x, o => x <= o.MaxConcurrent);
            }
            case "codexPrices": { var (i, c, u) = Prices(p); return Always(o => o.CodexPrices = ModelPrice.OpenAI(i, c, u, default)); }
            case "baselinePrices": { var (i, c, u) = Prices(p); return Always(o => o.BaselinePrices = new ModelPrice(i, c, u, default)); }
            default: return null;
        }
    }

    private static string String(JsonProperty p) =>
        p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 } s ? s : throw Bad(p, "a non-empty string");

    private static List<string> Strings(JsonProperty p)
    {
        if (p.Value.ValueKind != JsonValueKind.Array) throw Bad(p, "an array of strings");
        var list = new List<string>();
        foreach (var e in p.Value.EnumerateArray())
            list.Add(e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Bad(p, "an array of strings"));
        return list;
    }

    private static double Positive(JsonProperty p, double max, double min = 0) =>
        p.Value.ValueKind == JsonValueKind.Number && p.Value.GetDouble() is var d && d > 0 && d >= min && d <= max
            ? d
            : throw Bad(p, min > 0 ? $"a number from {min:0.###} to {max:0.###}" : $"a positive number of at most {max:0.###}");

    private static (decimal Input, decimal Cached, decimal Output) Prices(JsonProperty p)
    {
        if (p.Value.ValueKind != JsonValueKind.Object) throw Bad(p, "an object {input, cached, output} in USD per 1M tokens");
        decimal Get(string name) =>
            p.Value.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var d) && d >= 0
                ? d : throw Bad(p, $"an object with a non-negative number '{name}'");
        return (Get("input"), Get("cached"), Get("output"));
    }

    private static InvalidOperationException Bad(JsonProperty p, string expected) =>
        new($"dm.json: dispatch.{p.Name} must be {expected}.");
}
