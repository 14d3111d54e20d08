namespace DistributedModel.Core.Statistics;

/// <summary>The one percentile rule: <c>dm report</c>'s targets and the bench tables use it.</summary>
public static class Percentile
{
    /// <summary>Nearest-rank percentile (p in 0..100) of the values; NaN if empty.</summary>
    public static double NearestRank(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        int rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
