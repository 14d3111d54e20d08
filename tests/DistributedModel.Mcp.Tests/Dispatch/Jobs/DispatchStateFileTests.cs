using DistributedModel.Mcp.Dispatch.Jobs;
using DistributedModel.Testing;

namespace DistributedModel.Mcp.Tests.Dispatch.Jobs;

public sealed class DispatchStateFileTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-state-file");

    [Fact]
    public async Task A_reader_never_sees_a_half_written_state_and_no_temporary_file_is_left()
    {
        var big = new string('x', 20_000); // a write of this size is not one system call's worth of atomicity by accident
        DispatchStateFile.Write(_dir.Path, State(0, big));
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var torn = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (DispatchStateFile.TryRead(_dir.Path) is null) torn++;
                reads++;
            }
        });

        for (var i = 1; i <= 300; i++) DispatchStateFile.Write(_dir.Path, State(i, big));
        await stop.CancelAsync();
        await reader;

        torn.Should().Be(0, $"{reads} reads during 300 writes");
        DispatchStateFile.TryRead(_dir.Path)!.LastProgress.Should().StartWith("step 300 ");
        Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Should().Equal(DispatchStateFile.FileName);
    }

    [Theory]
    [InlineData("{\"id\": \"20261203-1")]
    [InlineData("not json")]
    [InlineData("{\"state\": \"running\"}")]
    public void An_unreadable_state_is_skipped(string content)
    {
        _dir.Write(DispatchStateFile.FileName, content);

        DispatchStateFile.TryRead(_dir.Path).Should().BeNull();
    }

    [Fact]
    public void An_oversized_state_file_is_not_read()
    {
        _dir.Write(DispatchStateFile.FileName, "{\"id\":\"a\",\"state\":\"done\",\"result\":\"" + new string('x', DispatchStateFile.MaxBytes) + "\"}");

        DispatchStateFile.TryRead(_dir.Path).Should().BeNull();
    }

    private static DispatchJobState State(int i, string filler) => new()
    {
        Id = "20261203-100000-abcdef", State = DispatchJobStates.Running, LastProgress = $"step {i} {filler}",
    };

    public void Dispose() => _dir.Dispose();
}
