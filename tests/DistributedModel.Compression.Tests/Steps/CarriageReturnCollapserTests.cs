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
