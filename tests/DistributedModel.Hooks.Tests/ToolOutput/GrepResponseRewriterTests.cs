using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Hooks.Workspace;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.ToolOutput;

public sealed class GrepResponseRewriterTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-grep");

    [Fact]
    public void Long_grep_content_is_compressed_and_filenames_stay()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 3000; i++)
            sb.Append("src/Module").Append(i % 40).Append("/File").Append(i).Append(".cs:").Append(i % 300 + 1).Append(":    // TODO: tidy this up later\n");
        var response = (JsonObject)HookInputs.Parse(HookInputs.Grep(_dir.Path, sb.ToString())).ToolResponse!;
        var leaves = new LeafCompressor(new RawOutputStore(new WorkspacePaths(_dir.Path).RawDir), "Grep", DateTimeOffset.UtcNow);

        var rewrite = GrepResponseRewriter.Rewrite(response, leaves);

        var updated = rewrite.Updated.Should().BeOfType<JsonObject>().Subject;
        updated["content"]!.GetValue<string>().Length.Should().BeLessThan(sb.Length / 2);
        updated["filenames"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("src/a.cs", "src/b.cs");
        updated["mode"]!.GetValue<string>().Should().Be("content");
        leaves.RawFiles.Should().ContainSingle().Which.Should().StartWith(new WorkspacePaths(_dir.Path).RawDir);
    }

    [Fact]
    public void Files_with_matches_mode_has_no_content_and_passes_through()
    {
        var response = new JsonObject { ["mode"] = "files_with_matches", ["filenames"] = new JsonArray("a.cs"), ["numFiles"] = 1 };
        var leaves = new LeafCompressor(new RawOutputStore(_dir.Combine("raw")), "Grep", DateTimeOffset.UtcNow);

        GrepResponseRewriter.Rewrite(response, leaves).Updated.Should().BeNull();
    }

    public void Dispose() => _dir.Dispose();
}
