using DistributedModel.Compression.Steps;

namespace DistributedModel.Compression.Tests.Steps;

public class LongLineShortenerTests
{
    [Fact]
    public void A_long_line_is_cut_in_the_middle_and_stays_within_the_limit()
    {
        var line = "src/a.cs(1,1): " + new string('x', 5000) + " END";
        var shortened = LongLineShortener.Shorten(line, 512);
        shortened.Length.Should().BeLessThanOrEqualTo(512);
        shortened.Should().StartWith("src/a.cs(1,1): ").And.EndWith(" END").And.Contain("chars elided");
    }

    [Fact]
    public void The_word_that_made_a_long_line_an_error_survives_the_cut()
    {
        // issue 11 item 7: a keyword deep in a line over the limit used to be cut away before classification.
        var line = "{\"ts\":1," + new string('a', 4000) + ",\"msg\":\"connection refused by upstream\"," + new string('b', 4000) + "}";
        int at = line.IndexOf("refused", StringComparison.Ordinal);
        var shortened = LongLineShortener.Shorten(line, 512, at);
        shortened.Length.Should().BeLessThanOrEqualTo(512);
        shortened.Should().Contain("connection refused by upstream").And.StartWith("{\"ts\":1,");
    }

    [Fact]
    public void A_line_within_the_limit_is_returned_as_it_is() => LongLineShortener.Shorten("short", 512).Should().Be("short");
}
