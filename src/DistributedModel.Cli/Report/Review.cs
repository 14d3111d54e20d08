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

    /// <summary>Raw bytes the tools produced (PostToolUse calls).</summary>
    public required long ContextBytesIn { get; init; }

    /// <summary>Bytes Claude Code alone would have put into the context for the same calls (<see cref="NativeContext"/>).</summary>
    public required long ContextBytesNative { get; init; }

    /// <summary>Bytes that entered the context with the hook.</summary>
    public required long ContextBytesOut { get; init; }

    /// <summary>The saving against <see cref="ContextBytesNative"/>, not against the raw bytes: negative when dm showed more
    /// than a 2 KB preview would have (and with it the errors the preview hid).</summary>
    public double ContextReduction => ContextBytesNative == 0 ? double.NaN : 1.0 - (double)ContextBytesOut / ContextBytesNative;

    /// <summary>Error and warning lines that reached the model which Claude Code's preview would have hidden.</summary>
    public required long DiagnosticsSurfaced { get; init; }

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
