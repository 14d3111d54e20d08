using System.Globalization;
using DistributedModel.Core.Processes;

namespace DistributedModel.Core.Tests.Processes;

/// <summary>
/// <see cref="ProcessSpec.DiesWithCaller"/> on real processes: the watchdog is invisible to the caller (output, exit code,
/// stdin at EOF), and what the child leaves in its process group goes with it. (That it all dies with a SIGKILLed caller
/// is shown on the real server: Mcp.Tests ServerSigkillTests.)
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DiesWithCallerTests
{
    private static ProcessSpec Watched(string script) =>
        new("sh") { Arguments = ["-c", script], TimeLimit = TimeSpan.FromSeconds(30), DiesWithCaller = true };

    [Fact]
    public async Task The_child_reads_an_empty_stdin_and_its_output_and_exit_code_come_through()
    {
        var run = await ProcessRunner.RunAsync(Watched("cat; printf 'out\\n'; printf 'err' >&2; exit 4"));

        run.TimedOut.Should().BeFalse("cat sees end of input, not the watchdog's pipe");
        run.ExitCode.Should().Be(4);
        run.StdOut.Should().Be("out\n");
        run.StdErr.Should().Be("err");
    }

    [Fact]
    public async Task What_the_child_left_running_in_its_group_is_killed_when_it_ends()
    {
        // The grandchild holds stdout open: the run ends before DrainLimit only if it was killed.
        var run = await ProcessRunner.RunAsync(Watched("sleep 300 & echo $!"));

        run.ExitCode.Should().Be(0);
        run.Elapsed.Should().BeLessThan(ProcessRunner.DrainLimit);
        var pid = int.Parse(run.StdOut.Trim(), CultureInfo.InvariantCulture);
        (!File.Exists($"/proc/{pid}/stat") || File.ReadAllText($"/proc/{pid}/stat").Split(") ")[^1].StartsWith('Z'))
            .Should().BeTrue("the sleep is gone (or a zombie waiting for init)");
    }

    [Fact]
    public async Task A_missing_executable_is_not_started_and_stdin_cannot_be_given()
    {
        var missing = await ProcessRunner.RunAsync(new ProcessSpec("/nonexistent/codex") { DiesWithCaller = true });
        var withStdin = () => ProcessRunner.RunAsync(Watched("cat").WithStdin("x"));

        missing.Started.Should().BeFalse();
        missing.StartError.Should().Contain("No such file");
        await withStdin.Should().ThrowAsync<ArgumentException>();
    }
}
