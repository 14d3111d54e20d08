namespace DistributedModel.Providers.Configuration;

/// <summary>Resolved settings of one lane (defaults, then <c>.claude/dm.json</c> <c>lanes.&lt;name&gt;</c> and <c>budgets</c>).</summary>
internal sealed class LaneSettings
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Chain { get; set; }

    /// <summary>Per HTTP attempt.</summary>
    public required TimeSpan AttemptTimeout { get; set; }

    /// <summary>Per provider call, all retries and waits included.</summary>
    public required TimeSpan TotalTimeout { get; set; }

    public int MaxOutputTokens { get; set; } = 4096;

    public string? ReasoningEffort { get; set; }

    /// <summary>A truncated answer is retried once with twice the output budget, up to this (0: never; then the chain falls back).</summary>
    public int TruncationRetryMaxOutputTokens { get; set; } = 32_768;

    /// <summary>Per-provider model override for this lane.</summary>
    public Dictionary<string, string> Models { get; } = new(StringComparer.Ordinal);

    /// <summary>Optional daily (UTC) USD cap for this lane.</summary>
    public decimal? DailyBudgetUsd { get; set; }

    public LaneSettings Clone(string name) => CopyTo(new LaneSettings
    {
        Name = name, Chain = Chain, AttemptTimeout = AttemptTimeout, TotalTimeout = TotalTimeout,
        MaxOutputTokens = MaxOutputTokens, ReasoningEffort = ReasoningEffort, DailyBudgetUsd = DailyBudgetUsd,
        TruncationRetryMaxOutputTokens = TruncationRetryMaxOutputTokens,
    });

    private LaneSettings CopyTo(LaneSettings other)
    {
        foreach (var (k, v) in Models) other.Models[k] = v;
        return other;
    }
}
