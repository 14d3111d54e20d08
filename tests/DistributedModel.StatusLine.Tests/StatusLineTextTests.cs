namespace DistributedModel.StatusLine.Tests;

public sealed class StatusLineTextTests
{
    [Fact]
    public void The_full_line_reads_like_the_issue_example()
    {
        var s = new TodaySummary
        {
            ToolCalls = 9, BytesIn = 412 * 1024, BytesOut = 31 * 1024, Surfaced = 8, SurfacedErrors = 4, SurfacedWarnings = 4,
            ProviderCalls = 5, UnpricedCalls = 3, SpecialistsUsd = 0.18m,
        };
        StatusLineText.Format(s).Should().Be("dm ▾ 412 KB → 31 KB today · 4 errors · 4 warnings surfaced · specialists $0.18 + 3 unpriced");
    }

    [Fact]
    public void Errors_and_warnings_are_never_added_up_under_one_word()
    {
        StatusLineText.Format(new TodaySummary { ToolCalls = 1, BytesIn = 900, BytesOut = 900, Surfaced = 3, SurfacedWarnings = 3 })
            .Should().Be("dm ▾ 900 B → 900 B today · 3 warnings surfaced");
        StatusLineText.Format(new TodaySummary { ToolCalls = 1, BytesIn = 900, BytesOut = 900, Surfaced = 4, SurfacedErrors = 1, SurfacedWarnings = 1 })
            .Should().Be("dm ▾ 900 B → 900 B today · 1 error · 1 warning · 2 errors or warnings surfaced", "older lines did not log which kind");
        StatusLineText.Format(new TodaySummary { ToolCalls = 1, BytesIn = 900, BytesOut = 900, Surfaced = 2, SurfacedErrors = 2, Partial = true })
            .Should().Be("dm ▾ ≥900 B → 900 B today · ≥2 errors surfaced");
    }

    [Fact]
    public void Unpriced_calls_are_counted_never_added_as_zero()
    {
        StatusLineText.Format(new TodaySummary { ProviderCalls = 3, UnpricedCalls = 3 }).Should().Be("dm ▾ specialists 3 unpriced today");
        StatusLineText.Format(new TodaySummary { ProviderCalls = 2, UnpricedCalls = 1, SpecialistsUsd = 0.5m }).Should().Be("dm ▾ specialists $0.50 + 1 unpriced today");
        StatusLineText.Format(new TodaySummary { ProviderCalls = 2, UnpricedCalls = 1, Partial = true }).Should().Be("dm ▾ specialists ≥$0.00 + ≥1 unpriced today");
    }

    [Fact]
    public void Parts_with_nothing_to_say_are_left_out()
    {
        StatusLineText.Format(new TodaySummary { ToolCalls = 1, BytesIn = 900, BytesOut = 900 }).Should().Be("dm ▾ 900 B → 900 B today");
        StatusLineText.Format(new TodaySummary { ToolCalls = 1, BytesIn = 5 << 20, BytesOut = 3000, Surfaced = 1, SurfacedErrors = 1 })
            .Should().Be("dm ▾ 5.0 MB → 3 KB today · 1 error surfaced");
        StatusLineText.Format(new TodaySummary { ProviderCalls = 1, SpecialistsUsd = 0.0042m }).Should().Be("dm ▾ specialists $0.0042 today");
    }

    [Fact]
    public void Nothing_today_is_idle() => StatusLineText.Format(new TodaySummary()).Should().Be(StatusLineText.Idle);
}
