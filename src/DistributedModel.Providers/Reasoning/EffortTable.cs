using System.Text.Json.Nodes;

namespace DistributedModel.Providers.Reasoning;

/// <summary>
/// The one table that turns a lane's reasoning effort (or none: the lane does not need reasoning) into what each
/// provider and model accepts. Without an effort every provider gets its lowest setting, never its default (Gemini 3.x
/// thinks at medium and DeepSeek at high when told nothing). Efforts run none &lt; minimal &lt; low &lt; medium &lt; high &lt;
/// xhigh &lt; max; a value a model does not take becomes the nearest one above it (else the highest it has).
/// Sources: docs/providers.md "Thinking and effort" (dated 2026-12-03).
/// </summary>
internal static class EffortTable
{
    private static readonly string[] Order = ["none", "minimal", "low", "medium", "high", "xhigh", "max"];

    /// <summary>The effort names accepted in dm.json and <see cref="LaneRequest.ReasoningEffort"/> ("ultra" is DeepSeek's alias of max).</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Order, "ultra"];

    public static bool IsKnown(string effort) => Names.Contains(effort.Trim().ToLowerInvariant());

    /// <summary>
    /// OpenAI <c>reasoning.effort</c> values per model family: gpt-6*-astra low…max (no none/minimal); gpt-6.x and
    /// gpt-5.6 none|low|medium|high|xhigh|max (no minimal); gpt-5.1–5.5 none…high; gpt-5 minimal…high; o-series and
    /// unknown ids low|medium|high.
    /// </summary>
    public static IReadOnlyList<string> OpenAIEfforts(string model) => model switch
    {
        _ when model.StartsWith("gpt-6", StringComparison.Ordinal) && model.Contains("astra", StringComparison.Ordinal) => ["low", "medium", "high", "xhigh", "max"],
        _ when model.StartsWith("gpt-6", StringComparison.Ordinal) || model.StartsWith("gpt-5.6", StringComparison.Ordinal) => ["none", "low", "medium", "high", "xhigh", "max"],
        _ when model.StartsWith("gpt-5.", StringComparison.Ordinal) => ["none", "low", "medium", "high"],
        _ when model.StartsWith("gpt-5", StringComparison.Ordinal) => ["minimal", "low", "medium", "high"],
        _ => ["low", "medium", "high"],
    };

    /// <summary>The effort to send to an OpenAI model: the lane's mapped onto what the model takes, else its lowest.</summary>
    public static string OpenAI(string model, string? requested)
    {
        var allowed = OpenAIEfforts(model);
        return Normalise(requested) is { } effort ? Nearest(effort, allowed) : allowed[0];
    }

    /// <summary>
    /// DeepSeek <c>reasoning_effort</c> (null: thinking disabled). We send what DeepSeek actually runs
    /// (api-docs.deepseek.com/guides/thinking_mode: minimal/low → low, medium/high/xhigh → high, max → max), so xhigh is
    /// "high", not "max" (which costs more and is not what was asked).
    /// </summary>
    public static string? DeepSeek(string? requested) => Normalise(requested) switch
    {
        null or "none" => null,
        "minimal" or "low" => "low",
        "max" or "ultra" => "max",
        _ => "high",
    };

    /// <summary>
    /// Gemini <c>thinkingConfig</c>: 3.x takes <c>thinkingLevel</c> (Flash minimal|low|medium|high, 3.8 Flash has no
    /// minimal, Pro low|high); 2.5 takes <c>thinkingBudget</c> (0 = off on Flash/Flash-Lite, Pro cannot go below 128).
    /// Never both (a 400).
    /// </summary>
    public static JsonObject Gemini(string model, string? requested)
    {
        var effort = Normalise(requested) ?? "none";
        if (model.StartsWith("gemini-2.", StringComparison.Ordinal))
        {
            var pro = model.Contains("pro", StringComparison.Ordinal);
            var budget = effort switch { "none" => pro ? 128 : 0, "minimal" or "low" => 1024, "medium" => 8192, _ => 24576 };
            return new JsonObject { ["thinkingBudget"] = budget };
        }
        IReadOnlyList<string> levels = model.Contains("pro", StringComparison.Ordinal) ? ["low", "high"]
            : model.StartsWith("gemini-3.8", StringComparison.Ordinal) ? ["low", "medium", "high"]
            : ["minimal", "low", "medium", "high"];
        return new JsonObject { ["thinkingLevel"] = effort == "none" ? levels[0] : Nearest(effort, levels) };
    }

    /// <summary>Ollama <c>think</c>: off unless the lane asks for reasoning (levels only exist for some models).</summary>
    public static bool Ollama(string? requested) => Normalise(requested) is not (null or "none");

    private static string? Normalise(string? effort) => effort?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "ultra" => "max",
        var e => e,
    };

    private static string Nearest(string effort, IReadOnlyList<string> allowed)
    {
        if (allowed.Contains(effort)) return effort;
        var rank = Array.IndexOf(Order, effort);
        if (rank < 0) rank = Array.IndexOf(Order, "medium");
        foreach (var candidate in Order.Skip(rank))
            if (allowed.Contains(candidate)) return candidate;
        return allowed[^1];
    }
}
