using DistributedModel.Mcp.Dispatch.Review;

namespace DistributedModel.Mcp.Tests.Dispatch.Review;

public sealed class ReviewPromptsTests
{
    [Fact]
    public void A_diff_over_the_limit_is_cut_with_a_visible_marker()
    {
        var diff = new string('a', 500) + new string('b', 500);

        var prompt = ReviewPrompts.User("Fix it", diff, "x.cs +1 -1", maxDiffChars: 500);

        prompt.Should().Contain(new string('a', 500)).And.NotContain("ab");
        prompt.Should().Contain("[… diff cut here: 500 more characters not shown]");
        prompt.Should().StartWith("## The brief the writer was given\nFix it").And.EndWith("```\n");
    }

    [Fact]
    public void A_short_diff_is_sent_whole()
    {
        var prompt = ReviewPrompts.User("Fix it", "+line\n", "x.cs +1 -0", maxDiffChars: 500);

        prompt.Should().Contain("```diff\n+line\n```\n").And.NotContain("diff cut here");
    }

    [Theory]
    [InlineData("correctness", "CORRECTNESS")]
    [InlineData("quality", "QUALITY AND MAINTAINABILITY")]
    [InlineData("security", "SECURITY")]
    public void Each_framing_has_its_own_system_prompt_that_demands_the_json_verdict(string framing, string focus)
    {
        var system = ReviewPrompts.System(framing);

        system.Should().Contain(focus).And.Contain("\"verdict\": \"approve\" | \"request_changes\" | \"reject\"");
    }
}
