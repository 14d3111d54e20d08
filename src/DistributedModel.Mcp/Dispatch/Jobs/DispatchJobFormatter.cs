using System.Globalization;
using System.Text;

namespace DistributedModel.Mcp.Dispatch.Jobs;

/// <summary>The compact text <c>dispatch</c> and <c>dispatch_status</c> return about jobs.</summary>
public static class DispatchJobFormatter
{
    /// <summary>At most this many jobs are listed (newest); the rest are counted.</summary>
    public const int MaxListed = 20;

    /// <summary>One job: its result once it ended with one, else one line of where it stands.</summary>
    public static string Describe(DispatchJobState s, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.State is DispatchJobStates.Done or DispatchJobStates.Failed && s.Result is { Length: > 0 } result) return result;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"dispatch {s.Id}: {s.State}");
        if (s.Branch is not null) sb.Append(" on branch ").Append(Clip(s.Branch, 120));
        if (s.Base is not null) sb.Append(" (from ").Append(Clip(s.Base, 80)).Append(')');
        sb.Append(CultureInfo.InvariantCulture, $", {Age(s, now)}");
        if (s.State == DispatchJobStates.Interrupted)
            sb.Append(" — ").Append(Clip(s.Error ?? "", 300)).Append(" Dispatch the brief again (.claude/dm/dispatch/").Append(Clip(s.Id, 40)).Append("/brief.md).");
        else if (s.Error is not null) sb.Append(" — ").Append(Clip(s.Error, 300));
        else if (s.LastProgress is not null) sb.Append("; last: ").Append(Clip(s.LastProgress, 160));
        return sb.Append('\n').ToString();
    }

    /// <summary>One line per job, newest last.</summary>
    public static string List(IReadOnlyList<DispatchJobState> jobs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.Count == 0) return "no dispatch jobs.\n";
        var sb = new StringBuilder();
        var running = jobs.Count(j => j.State == DispatchJobStates.Running);
        var queued = jobs.Count(j => j.State == DispatchJobStates.Queued);
        sb.Append(CultureInfo.InvariantCulture, $"{jobs.Count} dispatch job(s): {running} running, {queued} queued\n");
        if (jobs.Count > MaxListed) sb.Append(CultureInfo.InvariantCulture, $"({jobs.Count - MaxListed} older not shown)\n");
        foreach (var j in jobs.Skip(Math.Max(0, jobs.Count - MaxListed)))
        {
            sb.Append(CultureInfo.InvariantCulture, $"- {j.Id} {j.State}");
            if (j.Outcome is not null && j.State != DispatchJobStates.Done) sb.Append(CultureInfo.InvariantCulture, $" ({j.Outcome})");
            if (j.Branch is not null) sb.Append(' ').Append(Clip(j.Branch, 120));
            sb.Append(", ").Append(Age(j, now));
            var note = j.State is DispatchJobStates.Queued or DispatchJobStates.Running ? j.LastProgress : j.Error;
            if (note is not null) sb.Append(" — ").Append(Clip(note, 100));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Age(DispatchJobState s, DateTimeOffset now) => s switch
    {
        { FinishedAt: { } f, StartedAt: { } st } => $"ran {Seconds(f - st)}",
        { State: DispatchJobStates.Interrupted } => "ended unfinished",
        { StartedAt: { } st } => $"running {Seconds(now - st)}",
        _ => $"queued {Seconds(now - s.CreatedAt)}",
    };

    private static string Seconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, t.TotalSeconds):F0} s");

    private static string Clip(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }
}
