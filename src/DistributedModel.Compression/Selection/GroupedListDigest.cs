using System.Globalization;
using System.Text;
using DistributedModel.Compression.Steps;

namespace DistributedModel.Compression.Selection;

/// <summary>
/// Over-budget grep results and path lists, grouped by file (grep) or by directory (lists), in order of first
/// appearance. Every group first gets its first line and a <c>[… N more in KEY]</c> count; then groups get further lines
/// round-robin up to <see cref="CompressionOptions.LinesPerGroup"/>. When not every group fits that way, the groups left
/// over are named with their counts in one closing line for as long as room allows, and the rest are counted.
/// Within a group, error lines come first, then warnings, then the rest (each in order); the lines shown are printed in
/// their original order. So a grep over logs keeps its <c>ERROR</c> lines whichever file they are in.
/// </summary>
internal static class GroupedListDigest
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static (string Body, int Elided, int Groups, int GroupsShown, bool[] Selected) Build(ScannedOutput o, Severity[] counted, long budget, CompressionOptions options, bool grep)
    {
        var keys = new List<string>();
        var members = new List<List<int>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < o.Count; i++)
        {
            var s = o.Lines[i].Span;
            var key = grep ? OutputShape.GrepKey(s) : OutputShape.IsPath(s) ? OutputShape.DirectoryOf(s) : default;
            if (key.IsEmpty) key = "(other lines)";
            if (!lookup.TryGetValue(key, out int g))
            {
                g = keys.Count;
                var k = key.ToString();
                index[k] = g;
                keys.Add(k);
                members.Add([]);
            }
            members[g].Add(i);
        }
        for (int g = 0; g < members.Count; g++) members[g] = ByPriority(members[g], counted);

        // Room for the closing "… more files" line is kept back while groups are added one line each. Naming every
        // group matters more than a first line of one more group: when the closing line can name all the groups left
        // (it fits in half the budget even with none shown), exactly that much is kept back; otherwise a fixed share.
        long remaining = budget;
        var namingFrom = NamingCosts(keys, members, o.Count, grep);
        bool nameAll = namingFrom[0] <= budget / 2;
        long fixedReserve = Math.Min(budget / 4, 600);
        var shown = new int[keys.Count];
        int groupsShown = 0;
        for (int g = 0; g < keys.Count; g++)
        {
            long cost = o.Costs[members[g][0]] + MoreCost(members[g].Count - 1, keys[g]);
            bool last = g == keys.Count - 1;
            long reserve = last ? 0 : nameAll ? namingFrom[g + 1] : fixedReserve;
            if (cost > remaining - reserve) break;
            remaining -= cost;
            shown[g] = 1;
            groupsShown++;
        }
        if (groupsShown == keys.Count)
        {
            for (int round = 1; round < options.LinesPerGroup && remaining >= 24; round++)
                for (int g = 0; g < keys.Count && remaining >= 24; g++)
                {
                    if (shown[g] != round || members[g].Count <= round) continue;
                    int cost = o.Costs[members[g][round]];
                    if (cost > remaining) continue;
                    remaining -= cost;
                    shown[g]++;
                }
        }

        var sb = new StringBuilder((int)Math.Min(budget, 1 << 20));
        var selected = new bool[o.Count];
        int kept = 0;
        for (int g = 0; g < groupsShown; g++)
        {
            var taken = members[g].GetRange(0, shown[g]);
            taken.Sort();
            foreach (int i in taken) { sb.Append(o.Lines[i].Span).Append('\n'); selected[i] = true; }
            kept += shown[g];
            if (members[g].Count > shown[g]) sb.Append(Markers.MoreIn(members[g].Count - shown[g], keys[g])).Append('\n');
        }
        if (groupsShown < keys.Count) sb.Append(Closing(keys, members, groupsShown, remaining, grep)).Append('\n');
        return (sb.ToString(), o.Count - kept, keys.Count, groupsShown, selected);
    }

    /// <summary>The group's lines, errors first, then warnings, then the rest; each tier in original order.</summary>
    private static List<int> ByPriority(List<int> lines, Severity[] counted)
    {
        bool any = false;
        foreach (int i in lines) any |= counted[i] is Severity.Error or Severity.Warning;
        if (!any) return lines;
        var ordered = new List<int>(lines.Count);
        foreach (int i in lines) if (counted[i] == Severity.Error) ordered.Add(i);
        foreach (int i in lines) if (counted[i] == Severity.Warning) ordered.Add(i);
        foreach (int i in lines) if (counted[i] is not (Severity.Error or Severity.Warning)) ordered.Add(i);
        return ordered;
    }

    /// <summary>
    /// For each <c>g</c>, the bytes of a closing line naming every group from <c>g</c> on, counted at their widest
    /// (the head with all groups' totals, the worst tail); zero past the last group.
    /// </summary>
    private static long[] NamingCosts(List<string> keys, List<List<int>> members, int lines, bool grep)
    {
        var costs = new long[keys.Count + 1];
        long head = Utf8.Count(string.Format(Inv, "[… {0:N0} more {1} ({2:N0} lines)", keys.Count, grep ? "files" : "directories", lines))
            + Utf8.Count(string.Format(Inv, " … and {0:N0} more]", keys.Count)) + 1;
        long items = 0;
        for (int g = keys.Count - 1; g >= 0; g--)
        {
            items += Utf8.Count(keys[g]) + Utf8.Count(string.Format(Inv, ", ({0:N0})", members[g].Count)) + 1;
            costs[g] = head + items;
        }
        return costs;
    }

    private static int MoreCost(int more, string key) => more <= 0 ? 0 : Utf8.Count(Markers.MoreIn(more, key)) + 1;

    /// <summary><c>[… 40 more files (2,010 lines): a.go (12), b.go (3), … and 31 more]</c>, at most <paramref name="room"/> bytes.</summary>
    private static string Closing(List<string> keys, List<List<int>> members, int from, long room, bool grep)
    {
        int groups = keys.Count - from;
        int lines = 0;
        for (int g = from; g < keys.Count; g++) lines += members[g].Count;
        string noun = grep ? "files" : "directories";
        var head = string.Format(Inv, "[… {0:N0} more {1} ({2:N0} lines)", groups, noun, lines);
        var tailWorst = string.Format(Inv, " … and {0:N0} more]", groups);
        var sb = new StringBuilder(head);
        int listed = 0;
        for (int g = from; g < keys.Count; g++)
        {
            var item = string.Format(Inv, "{0}{1} ({2:N0})", listed == 0 ? ": " : ", ", keys[g], members[g].Count);
            if (Utf8.Count(sb.ToString()) + Utf8.Count(item) + Utf8.Count(tailWorst) + 1 > room) break;
            sb.Append(item);
            listed++;
        }
        if (listed < groups) sb.Append(string.Format(Inv, " … and {0:N0} more]", groups - listed));
        else sb.Append(']');
        var text = sb.ToString();
        // Never over the room: with no room at all, the bare count is the whole line (the caller's budget reserved it).
        return Utf8.Count(text) + 1 <= room ? text : string.Format(Inv, "[… {0:N0} more {1}]", groups, noun);
    }
}
