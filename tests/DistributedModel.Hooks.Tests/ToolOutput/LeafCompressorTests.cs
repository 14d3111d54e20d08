using System.Globalization;
using System.Text;
using DistributedModel.Hooks.Runtime;
using DistributedModel.Hooks.ToolOutput;
using DistributedModel.Compression;
using DistributedModel.Testing;
using DistributedModel.Testing.Corpus;

namespace DistributedModel.Hooks.Tests.ToolOutput;

public sealed class LeafCompressorTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-leaf");

    private LeafCompressor Leaves() => new(new RawOutputStore(_dir.Combine("raw")), "Bash", DateTimeOffset.UtcNow);

    [Fact]
    public void A_real_service_log_over_budget_becomes_a_digest_whose_header_names_the_raw_file()
    {
        // loghub OpenStack sample (public, real): ~590 KB of interleaved API/compute records.
        var log = RealOutputs.Load("loghub-openstack");
        var leaves = Leaves();

        var text = leaves.Compress(log);

        text.Should().NotBeNull();
        Encoding.UTF8.GetByteCount(text!).Should().BeLessThanOrEqualTo(new CompressionOptions().BudgetBytes);
        var raw = leaves.RawFiles.Should().ContainSingle().Subject;
        text!.Split('\n')[0].Should().StartWith("[dm: ").And.Contain($"full output: {raw}");
        File.ReadAllText(raw).Should().Be(log);
        leaves.InputBytes.Should().Be(Encoding.UTF8.GetByteCount(log));
        leaves.OutputBytes.Should().Be(Encoding.UTF8.GetByteCount(text));
    }

    [Fact]
    public void Output_under_the_budget_passes_through_unstored_even_when_repetitive()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 150; i++)
            sb.Append(CultureInfo.InvariantCulture, $"[07:00:{i % 60:D2}] INFO GET /api/orders/{4000 + i} 200 {i % 90 + 3}ms\n");
        var leaves = Leaves();

        leaves.Compress(sb.ToString()).Should().BeNull();
        Directory.Exists(_dir.Combine("raw")).Should().BeFalse();
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
