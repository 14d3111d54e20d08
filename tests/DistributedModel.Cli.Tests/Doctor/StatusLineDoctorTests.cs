using DistributedModel.Cli.Tests.Support;

namespace DistributedModel.Cli.Tests.Doctor;

/// <summary>Issue 29.3: <c>dm doctor</c> says whether the status line is wired, and runs the binary once.</summary>
public sealed class StatusLineDoctorTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static string Line(string output, string name) => output.Split('\n').Single(l => l.Contains(name, StringComparison.Ordinal));

    [Fact]
    public async Task Doctor_reports_the_wired_status_line_and_the_real_binary_printing_its_line()
    {
        (await _h.RunAsync("install", "--statusline", "--hooks-from", await _h.RealBinariesAsync(statusLine: true))).ExitCode.Should().Be(0);

        var run = await _h.RunAsync("doctor");

        run.ExitCode.Should().Be(0, run.ToString());
        Line(run.Out, "status line in").Should().Be($"ok    status line in {_h.RepoFile(".claude/settings.json")}: wired");
        Line(run.Out, "hooks/bin/StatusLine").Should().StartWith("ok").And.Contain("executable");
        Line(run.Out, "status line runs").Should().StartWith("ok").And.Contain("prints \"dm ▾ idle\"");
        File.Exists(_h.RepoFile(".claude/hooks.log")).Should().BeFalse("the status line runs in a scratch workspace");
    }

    [Fact]
    public async Task Doctor_says_the_status_line_is_not_wired_and_runs_nothing_for_it_when_there_is_no_binary()
    {
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);

        var run = await _h.RunAsync("doctor");

        Line(run.Out, "status line in").Should().StartWith("ok").And.EndWith("not wired (optional: `dm install --statusline`)");
        run.Out.Should().NotContain("status line runs").And.NotContain("StatusLine");
    }

    [Fact]
    public async Task Doctor_names_a_status_line_of_the_users_own()
    {
        _h.WriteRepo(".claude/settings.json", """{"statusLine": {"type": "command", "command": "~/.claude/statusline.sh"}}""");
        (await _h.RunAsync("install", "--statusline", "--hooks-from", _h.FakeBinaries(statusLine: true))).ExitCode.Should().Be(0);

        var run = await _h.RunAsync("doctor");

        Line(run.Out, "status line in").Should().StartWith("ok").And.Contain("your own (~/.claude/statusline.sh); ours is not wired");
        Line(run.Out, "status line runs").Should().StartWith("ok").And.Contain($"prints \"{CliHarness.FakeStatusLine}\"", "the binary is there: it is run");
    }

    [Fact]
    public async Task A_wired_status_line_whose_binary_fails_or_is_gone_fails_doctor_with_the_reason()
    {
        var bins = _h.FakeBinaries(statusLine: true);
        File.WriteAllText(Path.Combine(bins, "StatusLine"), "#!/bin/sh\necho 'no config' >&2\nexit 3\n");
        (await _h.RunAsync("install", "--statusline", "--hooks-from", bins)).ExitCode.Should().Be(0);

        var failing = await _h.RunAsync("doctor");

        failing.ExitCode.Should().Be(1, failing.ToString());
        Line(failing.Out, "status line runs").Should().StartWith("FAIL").And.Contain("exit code 3").And.Contain("no config");

        File.Delete(_h.RepoFile("hooks/bin/StatusLine"));
        var gone = await _h.RunAsync("doctor");

        gone.ExitCode.Should().Be(1, gone.ToString());
        Line(gone.Out, "hooks/bin/StatusLine").Should().StartWith("FAIL").And.Contain("missing: run `dm install --statusline`");
        gone.Out.Should().NotContain("status line runs");
    }

    [Fact]
    public async Task After_promote_doctor_finds_the_status_line_in_user_scope_and_runs_the_copied_binary()
    {
        (await _h.RunAsync("install", "--statusline", "--hooks-from", _h.FakeBinaries(statusLine: true))).ExitCode.Should().Be(0);
        _h.Clock.Advance(TimeSpan.FromDays(8));
        SyntheticLogs.WritePassingWeek(_h.Repo, _h.Clock.GetUtcNow());
        (await _h.RunAsync("promote")).ExitCode.Should().Be(0);

        var run = await _h.RunAsync("doctor");

        Line(run.Out, "status line in " + _h.RepoFile(".claude/settings.json")).Should().StartWith("ok").And.EndWith("not wired here (promoted: see user scope)");
        Line(run.Out, "status line in " + _h.HomeFile(".claude/settings.json")).Should().StartWith("ok").And.EndWith(": wired");
        Line(run.Out, "status line runs").Should().StartWith("ok").And.Contain(CliHarness.FakeStatusLine);
        Line(run.Out, "binary " + _h.HomeFile(".claude/dm/bin/StatusLine")).Should().StartWith("ok");
    }

    [Fact]
    public async Task A_malformed_status_line_is_a_warning_naming_what_was_found()
    {
        (await _h.RunAsync("install", "--hooks-from", _h.FakeBinaries())).ExitCode.Should().Be(0);
        var settings = File.ReadAllText(_h.RepoFile(".claude/settings.json"));
        File.WriteAllText(_h.RepoFile(".claude/settings.json"), settings.Replace("{\n  \"hooks\"", "{\n  \"statusLine\": \"~/sl.sh\",\n  \"hooks\"", StringComparison.Ordinal));

        var run = await _h.RunAsync("doctor");

        Line(run.Out, "status line in").Should().StartWith("warn").And.Contain("found ~/sl.sh");
    }
}
