using DistributedModel.Core.Statistics;

namespace DistributedModel.Core.Tests.Statistics;

public sealed class PercentileTests
{
    [Fact]
    public void P95_uses_nearest_rank()
    {
        Percentile.NearestRank([5, 1, 4, 2, 3], 95).Should().Be(5);
        Percentile.NearestRank([.. Enumerable.Range(1, 100).Select(i => (double)i)], 95).Should().Be(95);
        Percentile.NearestRank([.. Enumerable.Range(1, 20).Select(i => (double)i)], 50).Should().Be(10);
        double.IsNaN(Percentile.NearestRank([], 95)).Should().BeTrue();
    }

    [Fact]
    public void The_ends_of_the_range_are_the_smallest_and_largest_value()
    {
        double[] values = [3, 9, 1];

        Percentile.NearestRank(values, 0).Should().Be(1, "rank 0 clamps to the first value");
        Percentile.NearestRank(values, 100).Should().Be(9);
    }
}
