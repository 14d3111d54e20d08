using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Core.Workspace;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.ToolOutput;

public sealed class ReadResponseRewriterTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-read");

    private LeafCompressor Leaves() => new(new RawOutputStore(new WorkspacePaths(_dir.Path).RawDir), "Read", DateTimeOffset.UtcNow);

    [Fact]
    public void A_build_log_file_is_compressed_inside_file_content_keeping_the_read_shape()
    {
        var log = NoisyBuildLog.Create(120 * 1024);
        var response = (JsonObject)HookInputs.Parse(HookInputs.Read(_dir.Path, _dir.Combine("artifacts", "build.log"), log.Text)).ToolResponse!;

        var rewrite = ReadResponseRewriter.Rewrite(response, Leaves());

        var updated = rewrite.Updated.Should().BeOfType<JsonObject>().Subject;
        updated["type"]!.GetValue<string>().Should().Be("text");
        var file = updated["file"].Should().BeOfType<JsonObject>().Subject;
        file.Select(kv => kv.Key).Should().BeEquivalentTo(["filePath", "content", "numLines", "startLine", "totalLines"]);
        var content = file["content"]!.GetValue<string>();
        content.Length.Should().BeLessThan(log.Text.Length / 4);
        foreach (var e in log.ErrorLines) content.Should().Contain(e);
    }

    [Fact]
    public void A_large_source_file_is_never_compressed_because_the_model_may_edit_it()
    {
        var sb = new StringBuilder("namespace Shop;\n\npublic sealed class OrderService\n{\n");
        for (int i = 0; i < 2000; i++)
            sb.Append("    public int Method").Append(i).Append("(int x) => x + ").Append(i).Append(";\n");
        sb.Append("}\n");
        var response = (JsonObject)HookInputs.Parse(HookInputs.Read(_dir.Path, _dir.Combine("src", "OrderService.cs"), sb.ToString())).ToolResponse!;

        var rewrite = ReadResponseRewriter.Rewrite(response, Leaves());

        rewrite.Updated.Should().BeNull();
        rewrite.Detail.Should().Be("not-log-like");
    }

    [Fact]
    public void Image_reads_are_left_alone()
    {
        var response = new JsonObject { ["type"] = "image", ["file"] = new JsonObject { ["base64"] = new string('A', 10_000) } };

        ReadResponseRewriter.Rewrite(response, Leaves()).Updated.Should().BeNull();
    }

    [Fact]
    public void A_small_deliberate_range_of_a_log_stays_whole_but_a_large_chunk_is_compressed()
    {
        var log = NoisyBuildLog.Create(120 * 1024);
        JsonObject Response() => (JsonObject)HookInputs.Parse(HookInputs.Read(_dir.Path, _dir.Combine("build.log"), log.Text)).ToolResponse!;

        ReadResponseRewriter.Rewrite(Response(), Leaves(), new JsonObject { ["file_path"] = "build.log", ["offset"] = 100, ["limit"] = 200 })
            .Detail.Should().Be("ranged-read");
        ReadResponseRewriter.Rewrite(Response(), Leaves(), new JsonObject { ["file_path"] = "build.log", ["offset"] = 1, ["limit"] = 2000 })
            .Updated.Should().NotBeNull();
    }

    public void Dispose() => _dir.Dispose();
}
