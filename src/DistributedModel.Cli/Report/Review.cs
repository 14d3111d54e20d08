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

    /// <summary>Of <see cref="DiagnosticsSurfaced"/>, the error lines (hooks.log <c>surfacedErrors</c>).</summary>
    public long SurfacedErrors { get; init; }

    /// <summary>Of <see cref="DiagnosticsSurfaced"/>, the warning lines (hooks.log <c>surfacedWarnings</c>).</summary>
    public long SurfacedWarnings { get; init; }

    /// <summary>Surfaced lines of hooks.log lines written before errors and warnings were counted apart.</summary>
    public long SurfacedUnsplit => Math.Max(0, DiagnosticsSurfaced - SurfacedErrors - SurfacedWarnings);

    /// <summary>The context figure in words: <c>10.0 KB fewer bytes into context: 22.0 KB without dm -> 12.0 KB with dm
    /// (-45.5%), 420.0 KB raw</c>, then what the model could see (or, when dm added bytes, what they bought).</summary>
    public string ContextSentence()
    {
        var figure = $"{Report.ContextWords.Change(ContextBytesNative, ContextBytesOut)}: {Format.Bytes(ContextBytesNative)} without dm -> {Format.Bytes(ContextBytesOut)} with dm"
            + $" ({Report.ContextWords.Percent(ContextBytesNative, ContextBytesOut)}), {Format.Bytes(ContextBytesIn)} raw";
        var seen = Report.ContextWords.Seen(SurfacedErrors, SurfacedWarnings, SurfacedUnsplit);
        return figure + "; " + (Report.ContextWords.Bought(ContextBytesNative, ContextBytesOut, SurfacedErrors, SurfacedWarnings, SurfacedUnsplit)
            ?? $"the model saw {seen} the preview hid");
    }

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
