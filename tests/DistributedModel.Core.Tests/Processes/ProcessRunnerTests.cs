using System.Text;
using DistributedModel.Core.Processes;

namespace DistributedModel.Core.Tests.Processes;

/// <summary>The one process runner, on real <c>sh</c>, <c>cat</c> and <c>sleep</c> processes.</summary>
public sealed class ProcessRunnerTests
{
    private static ProcessSpec Sh(string script) => new("sh") { Arguments = ["-c", script], TimeLimit = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Stdout_stderr_and_the_exit_code_arrive_exactly_as_the_child_wrote_them()
    {
        var run = await ProcessRunner.RunAsync(Sh("printf 'a\\nb'; printf 'é err' >&2; exit 3"));

        run.Started.Should().BeTrue();
        run.ExitCode.Should().Be(3);
        run.StdOut.Should().Be("a\nb", "no line ending is added or removed");
        run.StdErr.Should().Be("é err");
        run.TimedOut.Should().BeFalse();
        run.Succeeded.Should().BeFalse();
    }

    [Fact]
    public async Task Stdin_bytes_reach_the_child_and_no_stdin_is_closed_at_once()
    {
        var echoed = await ProcessRunner.RunAsync(new ProcessSpec("cat") { Stdin = new byte[] { 0xff, 0x00, 0x41 } } with { StdoutLimitChars = 10 });
        var closed = await ProcessRunner.RunAsync(new ProcessSpec("cat") { TimeLimit = TimeSpan.FromSeconds(30) });

        echoed.StdOut.Should().Be("\uFFFD\0A", "invalid UTF-8 is decoded as a replacement character, not dropped");
        closed.Succeeded.Should().BeTrue("cat sees end of input instead of waiting for the caller's stdin");
        closed.StdOut.Should().BeEmpty();
    }

    [Fact]
    public async Task The_time_limit_kills_the_whole_process_tree()
    {
        // The grandchild `sleep` holds stdout open: if it survived, the runner would wait DrainLimit (5 s) for the pipe.
        var run = await ProcessRunner.RunAsync(Sh("sleep 30 & wait") with { TimeLimit = TimeSpan.FromMilliseconds(300) });

        run.TimedOut.Should().BeTrue();
        run.Cancelled.Should().BeFalse();
        run.Elapsed.Should().BeLessThan(ProcessRunner.DrainLimit, "the grandchild was killed with its parent, closing the pipe");
    }

    [Fact]
    public async Task Cancelling_kills_the_tree_and_says_cancelled_not_timed_out()
    {
        using var cts = new CancellationTokenSource();
        var spec = Sh("echo started; sleep 30 & wait") with { OnStdoutLine = line => { if (line == "started") cts.Cancel(); } };

        var run = await ProcessRunner.RunAsync(spec, cts.Token);

        run.Cancelled.Should().BeTrue();
        run.TimedOut.Should().BeFalse();
        run.StdOut.Should().Be("started\n");
        run.Elapsed.Should().BeLessThan(ProcessRunner.DrainLimit);
    }

    [Fact]
    public async Task Environment_changes_set_and_remove_variables_over_the_inherited_ones()
    {
        var spec = Sh("printf '%s|%s|%s' \"$DM_SET\" \"${HOME:-unset}\" \"${PATH:+path}\"") with
        {
            Environment = new Dictionary<string, string?> { ["DM_SET"] = "x y", ["HOME"] = null },
        };

        (await ProcessRunner.RunAsync(spec)).StdOut.Should().Be("x y|unset|path");
    }

    [Fact]
    public async Task Output_over_the_cap_keeps_its_end_and_says_it_was_cut()
    {
        var run = await ProcessRunner.RunAsync(Sh("i=0; while [ $i -lt 2000 ]; do echo line-$i; i=$((i+1)); done; echo END >&2") with
        {
            StdoutLimitChars = 100, StderrLimitChars = 100,
        });

        run.StdOut.Should().HaveLength(100).And.EndWith("line-1999\n");
        run.StdOutTruncated.Should().BeTrue();
        run.StdErr.Should().Be("END\n");
        run.StdErrTruncated.Should().BeFalse();
    }

    [Fact]
    public async Task Every_line_reaches_the_observer_without_its_line_ending_even_when_none_is_kept()
    {
        var lines = new List<string>();
        var run = await ProcessRunner.RunAsync(Sh("printf 'one\\r\\ntwo\\n\\nlast'") with { StdoutLimitChars = 0, OnStdoutLine = lines.Add });

        lines.Should().Equal("one", "two", "", "last");
        run.StdOut.Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_executable_is_reported_not_thrown()
    {
        var run = await ProcessRunner.RunAsync(new ProcessSpec("/nonexistent/dm-no-such-tool"));

        run.Started.Should().BeFalse();
        run.ExitCode.Should().Be(-1);
        run.StartError.Should().NotBeNullOrWhiteSpace();
        ProcessRunner.Start(new ProcessSpec("/nonexistent/dm-no-such-tool"), out var error).Should().BeNull();
        error.Should().Be(run.StartError);
    }

    [Fact]
    public async Task A_running_process_answers_over_its_pipes_and_is_killed_on_dispose()
    {
        var p = ProcessRunner.Start(Sh("echo ready >&2; cat"), out _)!;
        await using (p)
        {
            await p.StandardInput.WriteLineAsync("ping");
            await p.StandardInput.FlushAsync();
            (await p.StandardOutput.ReadLineAsync()).Should().Be("ping");
            p.HasExited.Should().BeFalse();
        }
        p.HasExited.Should().BeTrue("dispose killed it although its stdin was never closed");
        p.StdErr.Should().Be("ready\n");
    }
}
