using System.Text.Json;
using DistributedModel.Core.Json;

namespace DistributedModel.Core.Tests.Json;

/// <summary>Forgiving field reads: wrong kinds and non-objects give null or 0, never an exception.</summary>
public sealed class JsonFieldsTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void Fields_of_the_right_kind_are_read()
    {
        var e = Parse("""{"s":"x","n":12,"f":2.75,"d":"0.125","t":"2026-11-23T01:00:00+02:00"}""");

        e.Str("s").Should().Be("x");
        e.Long("n").Should().Be(12);
        e.Long("f").Should().Be(2, "a fractional number is truncated");
        e.Double("f").Should().Be(2.75);
        e.Decimal("d").Should().Be(0.125m, "quoted decimals are read");
        e.Time("t").Should().Be(new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero));
        e.Time("t")!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Absent_wrong_kind_and_non_object_give_null_or_zero()
    {
        var e = Parse("""{"s":1,"n":"12","t":"not a time"}""");

        e.Str("s").Should().BeNull();
        e.Str("missing").Should().BeNull();
        e.Long("n").Should().Be(0);
        e.Decimal("s").Should().Be(1m);
        e.Time("t").Should().BeNull();
        foreach (var other in new[] { Parse("[1]"), Parse("\"x\""), Parse("null") })
        {
            other.Str("s").Should().BeNull();
            other.Long("n").Should().Be(0);
            other.Double("n").Should().Be(0);
            other.Decimal("n").Should().Be(0m);
            other.Time("t").Should().BeNull();
        }
    }
}
