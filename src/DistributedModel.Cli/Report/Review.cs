using DistributedModel.Core.Logging;

namespace DistributedModel.Cli.Report;

/// <summary>Everything <c>dm report</c> measured over a window, the verdict per target and the recommendation.</summary>
public sealed record Review
{
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public required int Days { get; init; }
    public DateTimeOffset? WindowStart { get; init; }
    public required double WindowDaysElapsed { get; init; }

    public required IReadOnlyList<HookLogRecord> HookCalls { get; init; }
    public required IReadOnlyList<ProviderCall> ProviderCalls { get; init; }
    public required IReadOnlyList<DecisionRecord> Decisions { get; init; }
    public required int SkippedLines { get; init; }

    public required long ContextBytesIn { get; init; }
    public required long ContextBytesOut { get; init; }
    public double ContextReduction => ContextBytesIn == 0 ? double.NaN : 1.0 - (double)ContextBytesOut / ContextBytesIn;

    /// <summary>p95 latency (ms) per hook event and the number of calls.</summary>
    public required IReadOnlyDictionary<string, (double P95, double P50, int Count)> Latency { get; init; }

    public required int SpecialistRequests { get; init; }
    public required int SpecialistFirstTrySuccesses { get; init; }
    public double SuccessWithoutFallback => SpecialistRequests == 0 ? double.NaN : (double)SpecialistFirstTrySuccesses / SpecialistRequests;

    public required int Overturns { get; init; }
    public required IReadOnlyDictionary<string, int> Verdicts { get; init; }

    public required decimal SpendUsd { get; init; }
    public required decimal BaselineUsd { get; init; }
    public double SpendDelta => BaselineUsd == 0 ? double.NaN : (double)(SpendUsd / BaselineUsd - 1m);

    public required IReadOnlyList<TargetResult> Targets { get; init; }

    /// <summary>The target row with <paramref name="key"/> (<see cref="TargetKeys"/>).</summary>
    public TargetResult Target(string key) =>
        Targets.FirstOrDefault(t => t.Key == key) ?? throw new KeyNotFoundException($"the review has no target '{key}'");
    public required bool Promote { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
}
