using System.Text;
using DistributedModel.Testing;

namespace DistributedModel.StatusLine.Tests;

public sealed class LogTailTests
{
    [Fact]
    public void A_missing_file_is_empty()
    {
        using var dir = new TempDirectory("dm-statusline");
        LogTail.Read(dir.Combine("nope.log")).Lines.Should().BeEmpty();
    }

    [Fact]
    public void A_directory_in_place_of_the_log_is_empty()
    {
        using var dir = new TempDirectory("dm-statusline");
        Directory.CreateDirectory(dir.Combine("hooks.log"));
        LogTail.Read(dir.Combine("hooks.log")).Lines.Should().BeEmpty();
    }

    [Fact]
    public void An_unterminated_last_line_is_dropped()
    {
        using var dir = new TempDirectory("dm-statusline");
        var path = dir.Write("a.log", "one\r\ntwo\nthr");
        var tail = LogTail.Read(path);
        tail.Lines.Should().Equal("one", "two");
        tail.ReachedStart.Should().BeTrue();
    }

    [Fact]
    public void A_huge_log_is_read_only_at_its_end_and_the_cut_line_is_dropped()
    {
        using var dir = new TempDirectory("dm-statusline");
        var path = dir.Combine("huge.log");
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
            for (int i = 0; i < 400_000; i++) w.Write($"line {i:D7} {new string('x', 40)}\n"); // ~21 MB
        var tail = LogTail.Read(path);
        tail.ReachedStart.Should().BeFalse();
        tail.Lines[^1].Should().StartWith("line 0399999 ");
        tail.Lines.Should().OnlyContain(l => l.Length == 53, "the line cut by the window start is not returned (53 characters and a newline each)");
        tail.Lines.Count.Should().BeInRange(LogTail.MaxBytes / 54 - 1, LogTail.MaxBytes / 54);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_fifo_in_place_of_the_log_is_empty_at_once_not_a_hang()
    {
        using var dir = new TempDirectory("dm-statusline");
        var path = dir.Combine("hooks.log");
        (await DistributedModel.Testing.Processes.ProcessRunner.RunAsync("mkfifo", [path])).ExitCode.Should().Be(0);

        // a blocking open of a FIFO with no writer would never return: run it off the test thread and await it bounded
        var read = Task.Run(() => LogTail.Read(path));
        (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20)))).Should().BeSameAs(read, "the open must not wait for a writer");
        (await read).Lines.Should().BeEmpty();
    }
}
