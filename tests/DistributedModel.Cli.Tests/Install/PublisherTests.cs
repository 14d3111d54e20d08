using DistributedModel.Cli.Install;
using DistributedModel.Cli.Tests.Support;

namespace DistributedModel.Cli.Tests.Install;

public sealed class PublisherTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>Makes the harness root a source tree whose last publish is complete and newer than the sources.</summary>
    private string FakeTreeWithPublishedBinaries()
    {
        var src = _h.Write("src/DistributedModel.Hooks/Thing.cs", "class Thing {}");
        _h.Write("DistributedModel.sln", "");
        File.SetLastWriteTimeUtc(src, DateTime.UtcNow.AddMinutes(-10));
        File.SetLastWriteTimeUtc(Path.Combine(_h.Root, "DistributedModel.sln"), DateTime.UtcNow.AddMinutes(-10));
        var bins = _h.FakeBinaries("artifacts/dm-install/bin", "published", statusLine: true);
        _h.Write("artifacts/dm-install/.published", "stamp");
        return src;
    }

    [Fact]
    public void Up_to_date_when_the_publish_stamp_is_newer_than_every_source()
    {
        var src = FakeTreeWithPublishedBinaries();
        var publisher = new Publisher(_h.Root, TextWriter.Null);

        publisher.IsUpToDate().Should().BeTrue();
        File.SetLastWriteTimeUtc(src, DateTime.UtcNow.AddMinutes(5));
        publisher.IsUpToDate().Should().BeFalse("a source file changed after the publish");
    }

    [Fact]
    public void Not_up_to_date_when_a_binary_is_missing()
    {
        FakeTreeWithPublishedBinaries();
        File.Delete(_h.Write("artifacts/dm-install/bin/UserPromptSubmit", ""));

        new Publisher(_h.Root, TextWriter.Null).IsUpToDate().Should().BeFalse();
    }

    [Fact]
    public void A_publish_from_before_the_status_line_is_not_up_to_date()
    {
        FakeTreeWithPublishedBinaries();
        File.Delete(_h.Write("artifacts/dm-install/bin/StatusLine", ""));

        new Publisher(_h.Root, TextWriter.Null).IsUpToDate().Should().BeFalse("dm install --statusline needs the fourth binary");
    }

    [Fact]
    public async Task Install_with_statusline_from_a_source_tree_copies_the_published_status_line()
    {
        FakeTreeWithPublishedBinaries();

        var run = await _h.RunAsync("install", "--statusline");

        run.ExitCode.Should().Be(0, run.ToString());
        File.ReadAllText(_h.RepoFile("hooks/bin/StatusLine")).Should().Contain("published");
        run.Out.Should().Contain("status line set to ours");
    }

    [Fact]
    public async Task Install_from_a_source_tree_reuses_an_up_to_date_publish_without_running_dotnet()
    {
        FakeTreeWithPublishedBinaries(); // the harness runs dm with its tool directory = the harness root

        var run = await _h.RunAsync("install");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain("not publishing again");
        File.ReadAllText(_h.RepoFile("hooks/bin/PostToolUse")).Should().Contain("published");
    }
}
