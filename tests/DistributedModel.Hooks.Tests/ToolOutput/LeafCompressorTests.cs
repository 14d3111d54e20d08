using System.Globalization;
using System.Text;
using DistributedModel.Hooks.Runtime;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Testing;

namespace DistributedModel.Hooks.Tests.ToolOutput;

public sealed class LeafCompressorTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-leaf");

    private LeafCompressor Leaves() => new(new RawOutputStore(_dir.Combine("raw")), "Bash", DateTimeOffset.UtcNow);

    [Fact]
    public void When_only_near_repeats_collapse_the_output_still_names_the_raw_file()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 150; i++)
            sb.Append(CultureInfo.InvariantCulture, $"[07:00:{i % 60:D2}] INFO GET /api/orders/{4000 + i} 200 {i % 90 + 3}ms\n");
        var leaves = Leaves();

        var text = leaves.Compress(sb.ToString());

        text.Should().NotBeNull();
        var raw = leaves.RawFiles.Should().ContainSingle().Subject;
        text!.TrimEnd('\n').Split('\n')[^1].Should().Be($"[… 148 lines elided — full output: {raw}]");
        File.ReadAllText(raw).Should().Be(sb.ToString());
        leaves.OutputBytes.Should().Be(Encoding.UTF8.GetByteCount(text));
    }

    [Fact]
    public void A_second_pass_over_its_own_output_changes_nothing()
    {
        var once = Leaves().Compress(Samples.NoisyBuildLog.Create().Text)!;

        Leaves().Compress(once).Should().BeNull();
    }

    [Fact]
    public void Small_text_is_not_hashed_stored_or_changed()
    {
        var leaves = Leaves();

        leaves.Compress("Build succeeded.\n").Should().BeNull();

        leaves.InputBytes.Should().Be(17);
        leaves.OutputBytes.Should().Be(17);
        Directory.Exists(_dir.Combine("raw")).Should().BeFalse();
    }

    [Fact]
    public void Large_binary_text_fails_open()
    {
        var act = () => Leaves().Compress("\u007fELF" + new string('\0', 4096));

        act.Should().Throw<FailOpenException>().Which.Reason.Should().Be("binary");
    }

    public void Dispose() => _dir.Dispose();
}
