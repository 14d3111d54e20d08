using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Hooks.Workspace;
using DistributedModel.Testing;
using DistributedModel.Testing.Samples;

namespace DistributedModel.Hooks.Tests.ToolOutput;

public sealed class GrepResponseRewriterTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-grep");

    [Fact]
    public void Long_grep_content_over_logs_is_compressed_keeping_the_errors_and_filenames_stay()
    {
        // Grep "orders" across service logs without line numbers: repetitive request lines plus two failures.
        var sb = new StringBuilder();
        var errors = new List<string>();
        for (int i = 0; i < 3000; i++)
        {
            sb.Append("logs/orders-").Append(i % 3).Append(".log:[07:").Append((i / 60 % 60).ToString("D2", CultureInfo.InvariantCulture))
              .Append(':').Append((i % 60).ToString("D2", CultureInfo.InvariantCulture)).Append("] INFO GET /api/orders/").Append(4000 + i).Append(" 200 ").Append(i % 90 + 3).Append("ms\n");
            if (i is 1111 or 2222)
            {
                var e = $"logs/orders-{i % 3}.log:[07:{i / 60 % 60:D2}:{i % 60:D2}] ERROR GET /api/orders/{4000 + i} failed: timeout after 30000ms (upstream inventory)";
                errors.Add(e);
                sb.Append(e).Append('\n');
            }
        }
        var response = (JsonObject)HookInputs.Parse(HookInputs.Grep(_dir.Path, sb.ToString())).ToolResponse!;
        var leaves = new LeafCompressor(new RawOutputStore(new WorkspacePaths(_dir.Path).RawDir), "Grep", DateTimeOffset.UtcNow);

        var rewrite = GrepResponseRewriter.Rewrite(response, leaves);

        var updated = rewrite.Updated.Should().BeOfType<JsonObject>().Subject;
        var content = updated["content"]!.GetValue<string>();
        content.Length.Should().BeLessThan(sb.Length / 4);
        foreach (var e in errors) content.Should().Contain(e);
        updated["filenames"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("src/a.cs", "src/b.cs");
        updated["mode"]!.GetValue<string>().Should().Be("content");
        leaves.RawFiles.Should().ContainSingle().Which.Should().StartWith(new WorkspacePaths(_dir.Path).RawDir);
    }

    [Fact]
    public void A_grep_of_file_line_references_is_kept_whole_because_every_line_is_a_reference()
    {
        var sample = SampleOutputs.GrepRecursive();
        var response = (JsonObject)HookInputs.Parse(HookInputs.Grep(_dir.Path, sample.Text)).ToolResponse!;
        var leaves = new LeafCompressor(new RawOutputStore(new WorkspacePaths(_dir.Path).RawDir), "Grep", DateTimeOffset.UtcNow);

        GrepResponseRewriter.Rewrite(response, leaves).Updated.Should().BeNull();
        Directory.Exists(new WorkspacePaths(_dir.Path).RawDir).Should().BeFalse();
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
