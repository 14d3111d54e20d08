using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DistributedModel.Hooks.Tests.Samples;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Core.Workspace;
using DistributedModel.Compression;
using DistributedModel.Testing;
using DistributedModel.Testing.Corpus;
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
    public void A_real_grep_rn_over_budget_is_grouped_by_file_and_every_file_is_named()
    {
        // grep -rn over a real Go tree (Corpus/SOURCES.md): every line is a file:line reference, so nothing is "noise";
        // over the budget the result is grouped by file: each file's first matches and a count of the rest.
        var grep = RealOutputs.Load("grep-rn-go");
        var files = grep.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => l[..l.IndexOf(':')]).Distinct().ToList();
        var response = (JsonObject)HookInputs.Parse(HookInputs.Grep(_dir.Path, grep)).ToolResponse!;
        var leaves = new LeafCompressor(new RawOutputStore(new WorkspacePaths(_dir.Path).RawDir), "Grep", DateTimeOffset.UtcNow);

        var updated = GrepResponseRewriter.Rewrite(response, leaves).Updated.Should().BeOfType<JsonObject>().Subject;

        var content = updated["content"]!.GetValue<string>();
        Encoding.UTF8.GetByteCount(content).Should().BeLessThanOrEqualTo(new CompressionOptions().BudgetBytes);
        content.Split('\n')[0].Should().Contain($"grep: 4,228 lines in {files.Count:N0} files");
        foreach (var f in files) content.Should().Contain(f, "every file is named, with its first match or in the closing count line");
        updated["filenames"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("src/a.cs", "src/b.cs");
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
