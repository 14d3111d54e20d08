using DistributedModel.Core.Logging;

namespace DistributedModel.Cli.Report;

/// <summary>Keys of the review's targets (<see cref="TargetResult.Key"/>); <see cref="Review.Target"/> looks a row up by one.</summary>
public static class TargetKeys
{
    public const string ContextBytes = "context-bytes";
    public const string SuccessWithoutFallback = "success-without-fallback";
    public const string Overturns = "overturns";
    public const string Spend = "spend";

    /// <summary>The p95 latency target of one hook (<see cref="HookEvents"/>).</summary>
    public static string HookLatency(string hookEvent) => "hook-latency:" + hookEvent;
}
