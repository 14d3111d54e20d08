using DistributedModel.Mcp.Dispatch;

namespace DistributedModel.Mcp.Tests.Dispatch;

public sealed class DispatchIdTests
{
    [Theory]
    [InlineData("Fix the off-by-one in Pager.Next()", "fix-the-off-by-one-in-pager-next")]
    [InlineData("  Add retries!\nMore details here", "add-retries")]
    [InlineData("Ünïcode ✓ only ✓", "n-code-only")]
    [InlineData("!!!", "change")]
    [InlineData("a very long brief title that keeps going well past the forty character limit", "a-very-long-brief-title-that-keeps-going")]
    public void Slugs_are_short_lowercase_ascii_words_of_the_first_line(string brief, string slug)
    {
        DispatchId.Slugify(brief).Should().Be(slug);
    }

    [Fact]
    public void Ids_and_branches_of_the_same_brief_at_the_same_time_differ()
    {
        var now = new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 50).Select(_ => DispatchId.New("Fix add", now)).ToList();

        ids.Select(i => i.Value).Should().OnlyHaveUniqueItems().And.AllSatisfy(v => v.Should().StartWith("20261123-073000-"));
        ids.Select(i => i.Branch).Should().OnlyHaveUniqueItems().And.AllSatisfy(b => b.Should().StartWith("dm/fix-add-"));
    }
}
