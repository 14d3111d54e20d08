using System.Globalization;

namespace DistributedModel.Mcp.Tests.Dispatch.Crash;

/// <summary>
/// Waits for processes that are not the test's children to be gone. A killed orphan is a zombie until init reaps it,
/// so "gone" is: no /proc entry, or state Z. Bounded polling on the TimeProvider (the system gives no exit event for a
/// process one did not start).
/// </summary>
public static class ProcessesGone
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    /// <summary>The time until none of <paramref name="pids"/> runs, or null when some still run after <paramref name="limit"/>.</summary>
    public static async Task<TimeSpan?> WaitAsync(IReadOnlyCollection<int> pids, TimeSpan limit, TimeProvider time)
    {
        var start = time.GetTimestamp();
        while (true)
        {
            var elapsed = time.GetElapsedTime(start);
            if (!pids.Any(Runs)) return elapsed;
            if (elapsed > limit) return null;
            await Task.Delay(Interval, time);
        }
    }

    public static bool Runs(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // pid (comm) STATE ...: comm may hold spaces and parentheses, the state follows the last ')'.
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>Every live process below <paramref name="pid"/> (children, their children, …), from /proc's parent links.</summary>
    public static IReadOnlyList<int> DescendantsOf(int pid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(System.IO.Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var p)) continue;
            try { parents[p] = ParentOf(p); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        var found = new List<int>();
        var frontier = new Queue<int>([pid]);
        while (frontier.TryDequeue(out var parent))
            foreach (var (child, _) in parents.Where(e => e.Value == parent))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        return found;
    }

    /// <summary>The parent of <paramref name="pid"/> (field 4 of /proc/pid/stat).</summary>
    public static int ParentOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
    }
}
