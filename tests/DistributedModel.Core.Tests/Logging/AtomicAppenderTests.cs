using System.Text;
using DistributedModel.Core.Logging;
using DistributedModel.Testing;

namespace DistributedModel.Core.Tests.Logging;

/// <summary>The JSON-lines appender hooks.log and the ledger are written with: whole lines, never interleaved.</summary>
public sealed class AtomicAppenderTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-append");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Lines_appended_from_many_threads_at_once_each_arrive_whole_and_exactly_once()
    {
        // What must survive: 8 writers × 200 lines of ~1 KB (well over a pipe's 512-byte PIPE_BUF, under the 4 KB
        // recommendation): every line is one of those written, complete, and none is lost or doubled.
        var path = _dir.Combine(".claude", "hooks.log");
        const int writers = 8, perWriter = 200;
        var start = new TaskCompletionSource();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await start.Task;
            for (int i = 0; i < perWriter; i++) AtomicAppender.AppendLine(path, Line(w, i));
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(tasks);

        var lines = File.ReadAllLines(path);
        var expected = Enumerable.Range(0, writers).SelectMany(w => Enumerable.Range(0, perWriter).Select(i => Line(w, i)));
        lines.Order(StringComparer.Ordinal).Should().Equal(expected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_utf8_overload_writes_the_same_bytes_plus_one_newline_and_creates_the_directory()
    {
        var path = _dir.Combine("deep", "new", "ledger.jsonl");
        AtomicAppender.AppendLine(path, "{\"a\":\"é\"}");
        AtomicAppender.AppendLine(path, "{\"b\":\"→\"}"u8);

        File.ReadAllBytes(path).Should().Equal(Encoding.UTF8.GetBytes("{\"a\":\"é\"}\n{\"b\":\"→\"}\n"));
    }

    [Fact]
    public void Appending_to_a_directory_fails_with_an_IOException_naming_the_path()
    {
        var path = Directory.CreateDirectory(_dir.Combine("hooks.log")).FullName;

        var act = () => AtomicAppender.AppendLine(path, "x");

        act.Should().Throw<Exception>().Where(e => e is IOException || e is UnauthorizedAccessException)
            .Which.Message.Should().Contain(path);
    }

    private static string Line(int writer, int i) => $"{{\"w\":{writer},\"i\":{i},\"pad\":\"{new string((char)('a' + writer), 1000)}\"}}";
}
