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
        var path = Prepared(".claude", "hooks.log");
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
    public void The_utf8_overload_writes_the_same_bytes_plus_one_newline()
    {
        var path = Prepared("deep", "new", "ledger.jsonl");
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

    [Fact]
    public void A_hooks_log_that_is_a_symbolic_link_is_refused_and_its_target_is_left_as_it_was()
    {
        // Issue 26 item 2: a repository commits `.claude/hooks.log -> ../../.bashrc`; a JSON line with `$(touch X)` from
        // its own dm.json would be appended to the user's shell start-up file.
        var bashrc = _dir.Write("home/.bashrc", "alias ll='ls -l'\n");
        var path = Prepared("repo", ".claude", "hooks.log");
        File.CreateSymbolicLink(path, bashrc);

        var act = () => AtomicAppender.AppendLine(path, "{\"lane\":\"$(touch X)\"}");

        act.Should().Throw<DistributedModel.Core.Workspace.UnsafeWorkspacePathException>().WithMessage($"{path} is a symbolic link*");
        File.ReadAllText(bashrc).Should().Be("alias ll='ls -l'\n");
    }

    [Fact]
    public void A_dangling_link_is_refused_too_and_no_file_appears_at_its_target()
    {
        var target = _dir.Combine("elsewhere.txt");
        var path = Prepared("hooks.log");
        File.CreateSymbolicLink(path, target);

        var act = () => AtomicAppender.AppendLine(path, "x");

        act.Should().Throw<IOException>();
        File.Exists(target).Should().BeFalse();
    }

    private string Prepared(params string[] parts)
    {
        var path = _dir.Combine(parts);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static string Line(int writer, int i) => $"{{\"w\":{writer},\"i\":{i},\"pad\":\"{new string((char)('a' + writer), 1000)}\"}}";
}
