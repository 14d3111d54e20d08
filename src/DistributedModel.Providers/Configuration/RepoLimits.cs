using DistributedModel.Core.Configuration;

namespace DistributedModel.Providers.Configuration;

/// <summary>
/// The cost-raising limits as they stood before a project's <c>.claude/dm.json</c> was applied (defaults and the user's
/// file), so that the project's values can only lower them (<see cref="ConfigKeys"/>: repo may tighten): per lane the
/// time limits, the output token limits and the daily budget; per provider the retries and the longest Retry-After wait.
/// A raised value is put back and named in one warning.
/// </summary>
internal sealed class RepoLimits
{
    private sealed record Lane(TimeSpan Attempt, TimeSpan Total, int MaxOutput, int TruncationRetryMax, decimal? Budget);

    private sealed record Provider(int MaxRetries, TimeSpan MaxRetryAfter);

    private readonly Dictionary<string, Lane> _lanes;
    private readonly Dictionary<string, Provider> _providers;

    private RepoLimits(Dictionary<string, Lane> lanes, Dictionary<string, Provider> providers) => (_lanes, _providers) = (lanes, providers);

    private static Lane Of(LaneSettings l) => new(l.AttemptTimeout, l.TotalTimeout, l.MaxOutputTokens, l.TruncationRetryMaxOutputTokens, l.DailyBudgetUsd);

    public static RepoLimits Capture(DmProviderSettings s) => new(
        s.Lanes.ToDictionary(kv => kv.Key, kv => Of(kv.Value), StringComparer.Ordinal),
        s.Providers.ToDictionary(kv => kv.Key, kv => new Provider(kv.Value.MaxRetries, kv.Value.MaxRetryAfter), StringComparer.Ordinal));

    public void Restrict(DmProviderSettings s, List<string> ignored, string userFile)
    {
        void Ignore(string declared, string shown) => ignored.Add(ConfigKeys.Ignored(declared, shown, ".claude/dm.json", userFile));

        foreach (var (name, lane) in s.Lanes)
        {
            var before = _lanes.TryGetValue(name, out var b) ? b : Of(ProviderDefaults.OtherLane(name));
            if (lane.AttemptTimeout > before.Attempt) { lane.AttemptTimeout = before.Attempt; Ignore("lanes.*.attemptTimeoutSeconds", $"lanes.{name}.attemptTimeoutSeconds"); }
            if (lane.TotalTimeout > before.Total) { lane.TotalTimeout = before.Total; Ignore("lanes.*.totalTimeoutSeconds", $"lanes.{name}.totalTimeoutSeconds"); }
            if (lane.MaxOutputTokens > before.MaxOutput) { lane.MaxOutputTokens = before.MaxOutput; Ignore("lanes.*.maxOutputTokens", $"lanes.{name}.maxOutputTokens"); }
            if (lane.TruncationRetryMaxOutputTokens > before.TruncationRetryMax)
            {
                lane.TruncationRetryMaxOutputTokens = before.TruncationRetryMax;
                Ignore("lanes.*.truncationRetryMaxOutputTokens", $"lanes.{name}.truncationRetryMaxOutputTokens");
            }
            if (before.Budget is { } cap && (lane.DailyBudgetUsd is not { } now || now > cap))
            {
                lane.DailyBudgetUsd = cap;
                Ignore("lanes.*.dailyBudgetUsd", $"budgets.{name} / lanes.{name}.dailyBudgetUsd");
            }
        }
        foreach (var (name, p) in s.Providers)
        {
            if (!_providers.TryGetValue(name, out var before)) continue;
            if (p.MaxRetries > before.MaxRetries) { p.MaxRetries = before.MaxRetries; Ignore("providers.*.maxRetries", $"providers.{name}.maxRetries"); }
            if (p.MaxRetryAfter > before.MaxRetryAfter) { p.MaxRetryAfter = before.MaxRetryAfter; Ignore("providers.*.maxRetryAfterSeconds", $"providers.{name}.maxRetryAfterSeconds"); }
        }
    }
}
