using System.Diagnostics;
using System.Text;
using DistributedModel.Core.Configuration;
using DistributedModel.Core.Runtime;
using DistributedModel.Testing;

namespace DistributedModel.Core.Tests.Configuration;

/// <summary>Issue 26 item 5: a repository commits <c>.claude/dm.json -> /dev/zero</c> (git stores the link); every
/// reader of dm.json used to read it to the end (530 MB per hook call, 4.3 GB in dm-mcp).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConfigFileTextTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-cfgtext");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_link_to_a_device_is_refused_after_one_small_read(string device)
    {
        var path = _dir.Combine("dm.json");
        File.CreateSymbolicLink(path, device);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var act = () => ConfigFileText.ReadBytes(path);

        act.Should().Throw<BoundedFileException>().Which.Message.Should().Be($"{path} is not a regular file (not a regular file (it yields more bytes than its length))");
        (GC.GetTotalAllocatedBytes(precise: true) - before).Should().BeLessThan(1024 * 1024, "one small read, not the device to the end");
    }

    [Fact]
    public void A_fifo_with_no_writer_is_refused_without_waiting()
    {
        var path = _dir.Combine("dm.json");
        using (var mk = Process.Start("mkfifo", [path])) mk.WaitForExit();

        var act = () => ConfigFileText.ReadBytes(path);

        act.Should().Throw<BoundedFileException>().Which.Reason.Should().Be("not-a-file");
    }

    [Fact]
    public void Over_one_mebibyte_is_refused_naming_the_limit()
    {
        var path = _dir.Write("dm.json", "{\"x\":\"" + new string('a', ConfigFileText.MaxBytes) + "\"}");

        var act = () => ConfigFileText.ReadBytes(path);

        act.Should().Throw<BoundedFileException>().WithMessage($"{path} is over the 1 MiB limit of a configuration file*");
    }

    [Fact]
    public void A_missing_file_is_null_and_a_bom_is_skipped_and_a_link_to_a_regular_file_is_read()
    {
        ConfigFileText.ReadBytes(_dir.Combine("none.json")).Should().BeNull();
        var real = _dir.Combine("dotfiles", "dm.json");
        Directory.CreateDirectory(Path.GetDirectoryName(real)!);
        File.WriteAllBytes(real, [0xEF, 0xBB, 0xBF, .. "{\"a\":1}"u8.ToArray()]);
        var link = _dir.Combine("dm.json");
        File.CreateSymbolicLink(link, real);

        Encoding.UTF8.GetString(ConfigFileText.ReadBytes(link)!).Should().Be("{\"a\":1}");
    }

    [Fact]
    public void A_directory_is_refused()
    {
        var path = Directory.CreateDirectory(_dir.Combine("dm.json")).FullName;

        var act = () => ConfigFileText.ReadBytes(path);

        act.Should().Throw<BoundedFileException>().Which.Reason.Should().Be("not-a-file");
    }
}
