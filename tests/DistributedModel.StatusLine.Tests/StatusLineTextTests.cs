namespace DistributedModel.StatusLine.Tests;

public sealed class StatusLineTextTests
{
    [Fact]
    public void The_full_line_reads_like_the_issue_example()
    {
        var s = new TodaySummary { ToolCalls = 9, BytesIn = 412 * 1024, BytesOut = 31 * 1024, Surfaced = 6, ProviderCalls = 3, SpecialistsUsd = 0.18m };
        StatusLineText.Format(s).Should().Be("dm ▾ 412 KB → 31 KB today · 6 errors surfaced · specialists $0.18");
    }

    [Fact]
    public void Parts_with_nothing_to_say_are_left_out()
    {
        StatusLineText.Format(new TodaySummary { ToolCalls = 1, BytesIn = 900, BytesOut = 900 }).Should().Be("dm ▾ 900 B → 900 B today");
        StatusLineText.Format(new TodaySummary { ToolCalls = 1, BytesIn = 5 << 20, BytesOut = 3000, Surfaced = 1 })
            .Should().Be("dm ▾ 5.0 MB → 3 KB today · 1 error surfaced");
        StatusLineText.Format(new TodaySummary { ProviderCalls = 1, SpecialistsUsd = 0.0042m }).Should().Be("dm ▾ specialists $0.0042 today");
    }

    [Fact]
    public void Nothing_today_is_idle() => StatusLineText.Format(new TodaySummary()).Should().Be(StatusLineText.Idle);
}
