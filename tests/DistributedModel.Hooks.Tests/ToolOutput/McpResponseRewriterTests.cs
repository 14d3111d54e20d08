using System.Text.Json.Nodes;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.ToolOutput;

public sealed class McpResponseRewriterTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-mcp");

    private LeafCompressor Leaves() => new(new RawOutputStore(_dir.Combine("raw")), "mcp__ci__logs", DateTimeOffset.UtcNow);

    [Fact]
    public void Large_text_leaves_nested_in_content_blocks_are_compressed_and_small_ones_kept_verbatim()
    {
        var log = NoisyBuildLog.Create(60 * 1024);
        var response = new JsonArray(
            new JsonObject { ["type"] = "text", ["text"] = "Job 4711 finished: failure" },
            new JsonObject { ["type"] = "text", ["text"] = log.Text, ["annotations"] = new JsonObject { ["priority"] = 1 } });

        var rewrite = McpResponseRewriter.Rewrite(response, Leaves());

        var arr = rewrite.Updated.Should().BeOfType<JsonArray>().Subject;
        arr.Should().HaveCount(2);
        arr[0]!["text"]!.GetValue<string>().Should().Be("Job 4711 finished: failure");
        arr[0]!["type"]!.GetValue<string>().Should().Be("text");
        var big = arr[1]!["text"]!.GetValue<string>();
        big.Length.Should().BeLessThan(log.Text.Length / 3);
        foreach (var e in log.ErrorLines) big.Should().Contain(e);
        arr[1]!["annotations"]!["priority"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public void A_plain_string_response_stays_a_string()
    {
        var log = NoisyBuildLog.Create(30 * 1024);

        var rewrite = McpResponseRewriter.Rewrite(JsonValue.Create(log.Text), Leaves());

        rewrite.Updated!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.String);
        rewrite.Updated!.GetValue<string>().Length.Should().BeLessThan(log.Text.Length);
    }

    [Fact]
    public void Small_structured_output_passes_through()
    {
        var response = new JsonObject { ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "ok" }), ["isError"] = false };

        McpResponseRewriter.Rewrite(response, Leaves()).Updated.Should().BeNull();
    }

    public void Dispose() => _dir.Dispose();
}
