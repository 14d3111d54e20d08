using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace DistributedModel.Mcp.Tests.Hosting;

public sealed class ToolListTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_lane_tools_list_stays_well_under_the_3000_token_budget()
    {
        await using var h = await LaneServerHarness.StartAsync();
        var tools = await h.Client.ListToolsAsync();
        tools.Select(t => t.Name).Should().BeEquivalentTo("summarize", "scaffold", "consult", "tribunal");
        var json = JsonSerializer.Serialize(tools.Select(t => t.ProtocolTool));
        var bytes = Encoding.UTF8.GetByteCount(json);
        output.WriteLine($"tools/list (lane tools): {bytes} bytes ≈ {bytes / 4} tokens");
        (bytes / 4).Should().BeLessThan(1_800, "the four lane tools leave room for dispatch within ~3,000 tokens");
    }
}
