using DistributedModel.Compression.Steps;

namespace DistributedModel.Compression.Tests.Steps;

public class CarriageReturnCollapserTests
{
    [Theory]
    [InlineData("10%\r50%\r100% done", "100% done")]
    [InlineData("line\r", "line")]
    [InlineData("progress 3/3\r   \r", "progress 3/3")]
    [InlineData("no carriage return", "no carriage return")]
    public void A_rewritten_line_keeps_its_final_state(string input, string expected) =>
        CarriageReturnCollapser.FinalState(input).Should().Be(expected);
}

public class CarriageReturnCollapserSeverityTests
{
    /// <summary>curl -# as it printed on this machine (curl 7.88, a 3 MB download over loopback).</summary>
    private const string CurlBar = "\r#                                                                          2.2%\r######################################################################## 100.0%";

    [Fact]
    public void An_error_redrawn_over_by_a_progress_bar_is_kept_before_the_final_state()
    {
        // Issue 26.11: "Error: …\r[####] 100%" kept only the bar, and the error was not counted.
        var line = "Error: EACCES: permission denied, open '/usr/lib/node_modules/x/package.json'" + CurlBar;
        CarriageReturnCollapser.FinalState(line, LineClassifier.Default).Should()
            .Be("Error: EACCES: permission denied, open '/usr/lib/node_modules/x/package.json' | ######################################################################## 100.0%");
        CarriageReturnCollapser.FinalState(line).Should().Be("######################################################################## 100.0%", "without a classifier only the final state");
    }

    [Theory]
    [InlineData("[##] 40%\rwarning: retrying in 2s\r[####] 100%", "warning: retrying in 2s | [####] 100%")]
    [InlineData("npm WARN deprecated a@1\rerror: EPERM\r[###] 60%\r[####] 100%", "error: EPERM | [####] 100%")] // the most severe
    [InlineData("error: one\rerror: two\r[####] 100%", "error: two | [####] 100%")] // of equally severe, the last
    [InlineData("3 failed\r4 failed", "4 failed")] // a counter: the final state is as severe
    [InlineData("Error: x\r   \r", "Error: x")]
    [InlineData("[#] 10%\r[##] 20%\r[####] 100%", "[####] 100%")]
    [InlineData("line\r", "line")]
    [InlineData("Fetching 3 packages\r[####] 100%", "[####] 100%")] // a summary-like count is progress, not a diagnostic
    [InlineData("error: EPERM\radded 3 packages in 2s", "error: EPERM | added 3 packages in 2s")]
    public void A_line_keeps_its_most_severe_state(string input, string expected) =>
        CarriageReturnCollapser.FinalState(input, LineClassifier.Default).Should().Be(expected);

    [Fact]
    public void A_redrawn_line_without_a_diagnostic_is_a_slice_of_the_input()
    {
        var text = "[#] 10%\r[####] 100%";
        var state = CarriageReturnCollapser.FinalState(text.AsMemory(), LineClassifier.Default);
        System.Runtime.InteropServices.MemoryMarshal.TryGetString(state, out var owner, out int start, out _).Should().BeTrue();
        owner.Should().BeSameAs(text);
        start.Should().Be(8);
    }
}
