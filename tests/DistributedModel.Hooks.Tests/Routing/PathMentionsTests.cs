using DistributedModel.Hooks.Routing;

namespace DistributedModel.Hooks.Tests.Routing;

public sealed class PathMentionsTests
{
    [Theory]
    [InlineData("the deploy failed, what went wrong? see logs/deploy.log", "logs/deploy.log")]
    [InlineData("which requests are slow in access.log", "access.log")]
    [InlineData("check `build.log`, why is it failing?", "build.log")]
    [InlineData("open \"out/test results.txt\"", "results.txt")]
    [InlineData("whats causing the segfault, core dump is core.12345", "core.12345")]
    [InlineData("skim logs/*.log for OutOfMemoryError", "logs/*.log")]
    [InlineData("look at ./artifacts/nightly.log.", "artifacts/nightly.log")]
    [InlineData("the error is at src/Orders/OrderService.cs:42", "src/Orders/OrderService.cs")]
    public void Path_like_words_are_found_as_written(string prompt, string expected)
    {
        PathMentions.Find(prompt, 8).Should().Contain(expected);
    }

    [Theory]
    [InlineData("see https://example.com/logs/deploy.log")]
    [InlineData("read ~/secrets/key.txt")]
    [InlineData("read ../outside/deploy.log and logs/../../etc/passwd")]
    [InlineData("fix the failing test")]
    [InlineData("what does the first line mean.")]
    public void Urls_home_paths_parent_segments_and_plain_words_are_not_mentions(string prompt)
    {
        PathMentions.Find(prompt, 8).Should().NotContain(m => m.Contains("..") || m.StartsWith('~') || m.Contains("deploy.log") && m.Contains("example"))
            .And.NotContain(m => m == "test" || m == "mean");
    }

    [Fact]
    public void At_most_max_distinct_mentions_are_returned_in_order()
    {
        var prompt = string.Join(' ', Enumerable.Range(0, 50).Select(i => $"logs/f{i}.log")) + " logs/f0.log";

        PathMentions.Find(prompt, 8).Should().Equal(Enumerable.Range(0, 8).Select(i => $"logs/f{i}.log"));
    }
}
