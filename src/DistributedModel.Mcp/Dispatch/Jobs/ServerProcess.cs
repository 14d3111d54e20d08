using System.ComponentModel;
using System.Diagnostics;

namespace DistributedModel.Mcp.Dispatch.Jobs;

/// <summary>
/// Which server process owns a job: its pid and start time (a pid alone is reused by the system). A job whose owner
/// no longer runs was left by a server that died; one whose owner still runs belongs to another server on the same
/// repository and is left alone.
/// </summary>
public sealed record ServerProcess(int Pid, DateTimeOffset StartedAt)
{
    /// <summary>Start times read twice from the system may differ by clock-tick rounding.</summary>
    private static readonly TimeSpan StartTolerance = TimeSpan.FromSeconds(1);

    /// <summary>This process.</summary>
    public static ServerProcess Current { get; } = OfCurrent();

    /// <summary>The running process <paramref name="pid"/>, or null when there is none (or it cannot be inspected).</summary>
    public static ServerProcess? Of(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : new ServerProcess(pid, new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    private static ServerProcess OfCurrent()
    {
        using var self = Process.GetCurrentProcess();
        return new ServerProcess(self.Id, new DateTimeOffset(self.StartTime.ToUniversalTime(), TimeSpan.Zero));
    }

    /// <summary>Whether the owner recorded in <paramref name="state"/> still runs; false when none is recorded.</summary>
    public static bool OwnerRuns(DispatchJobState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state is not { ServerPid: { } pid, ServerStartedAt: { } started }) return false;
        return Of(pid) is { } running && (running.StartedAt - started).Duration() <= StartTolerance;
    }
}
