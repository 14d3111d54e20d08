using DistributedModel.Core.Logging;

namespace DistributedModel.Cli.Report;

/// <summary>The seed's day-7 review targets.</summary>
public static class ReviewTargets
{
    /// <summary>Bytes into the orchestrator's context: PostToolUse output at least this much smaller than the tools' raw output.</summary>
    public const double MinContextReduction = 0.50;

    /// <summary>Deterministic hooks: p95 latency strictly below this.</summary>
    public const double MaxHookP95Ms = 50;

    /// <summary>Specialist requests answered by their first provider: strictly above this.</summary>
    public const double MinSuccessWithoutFallback = 0.95;

    /// <summary>Consultant/tribunal overturns (MODIFY or REVERSE) over the window: strictly above this.</summary>
    public const int MinOverturns = 0;

    /// <summary>Specialist spend relative to the all-orchestrator baseline: at most this (−30 %).</summary>
    public const double MaxSpendDelta = -0.30;

    /// <summary>The validation window must have run this long before a promote recommendation.</summary>
    public const int WindowDays = 7;

    /// <summary>The hooks whose latency is judged.</summary>
    public static IReadOnlyList<string> Hooks => HookEvents.All;
}
