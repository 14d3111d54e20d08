using System.Text.Json;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Hosting;
using DistributedModel.Providers.Pricing;

namespace DistributedModel.Mcp.Dispatch;

/// <summary>
/// Reads the <c>dispatch</c> section of <c>.claude/dm.json</c> on each call (so edits apply without a restart).
/// A missing file or section gives the defaults; a malformed value is an error naming the key.
/// </summary>
public sealed class DispatchOptionsLoader(WorkspacePaths paths, Action<DispatchOptions>? configure = null)
{
    public DispatchOptions Load()
    {
        var options = new DispatchOptions();
        if (DmJsonSection.Read(paths.ConfigFile, "dispatch") is { } section) Apply(section, options);
        configure?.Invoke(options);
        return options;
    }

    private static void Apply(JsonElement s, DispatchOptions o)
    {
        foreach (var p in s.EnumerateObject())
        {
            var v = p.Value;
            switch (p.Name)
            {
                case "codexPath": o.CodexPath = String(p); break;
                case "codexModel": o.CodexModel = v.ValueKind == JsonValueKind.Null ? null : String(p); break;
                case "codexHome": o.CodexHome = v.ValueKind == JsonValueKind.Null ? null : String(p); break;
                case "codexConfig": o.CodexConfig = Strings(p); break;
                case "sandbox": o.Sandbox = String(p); break;
                case "timeoutSeconds": o.CodexTimeout = TimeSpan.FromSeconds(Positive(p)); break;
                case "heartbeatSeconds": o.HeartbeatInterval = TimeSpan.FromSeconds(Positive(p)); break;
                case "reviewTimeoutSeconds": o.ReviewTimeout = TimeSpan.FromSeconds(Positive(p)); break;
                case "reviewers": o.Reviewers = Strings(p); break;
                case "maxReviewDiffChars": o.MaxReviewDiffChars = (int)Positive(p); break;
                case "keepWorktree":
                    o.KeepWorktree = v.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw Bad(p, "true or false"),
                    };
                    break;
                case "resultBudgetBytes": o.ResultBudgetBytes = (int)Positive(p); break;
                case "maxConcurrent":
                    o.MaxConcurrent = v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n is >= 1 and <= DispatchOptions.MaxConcurrentLimit
                        ? n : throw Bad(p, $"a whole number from 1 to {DispatchOptions.MaxConcurrentLimit}");
                    break;
                case "codexPrices": o.CodexPrices = Prices(p) is var (ci, cc, co) ? ModelPrice.OpenAI(ci, cc, co, default) : o.CodexPrices; break;
                case "baselinePrices": o.BaselinePrices = Prices(p) is var (bi, bc, bo) ? new ModelPrice(bi, bc, bo, default) : o.BaselinePrices; break;
                default: break; // unknown keys are ignored, like unknown sections
            }
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

    private static double Positive(JsonProperty p) =>
        p.Value.ValueKind == JsonValueKind.Number && p.Value.GetDouble() > 0 ? p.Value.GetDouble() : throw Bad(p, "a positive number");

    private static (decimal Input, decimal Cached, decimal Output) Prices(JsonProperty p)
    {
        if (p.Value.ValueKind != JsonValueKind.Object) throw Bad(p, "an object {input, cached, output} in USD per 1M tokens");
        decimal Get(string name) =>
            p.Value.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.GetDecimal() >= 0
                ? e.GetDecimal() : throw Bad(p, $"an object with a non-negative number '{name}'");
        return (Get("input"), Get("cached"), Get("output"));
    }

    private static InvalidOperationException Bad(JsonProperty p, string expected) =>
        new($".claude/dm.json: dispatch.{p.Name} must be {expected}.");
}
