using System.Text.Json.Nodes;
using DistributedModel.Core.Wiring;
using DistributedModel.Testing;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Core.Tests.Wiring;

/// <summary>
/// The wired shell commands run by <c>sh</c>, as Claude Code runs hook commands: a guarded hook is transparent when its
/// binary is there and silent when it is not; the SessionStart command prints the notice only when a binary is missing.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GuardedCommandTests
{
    [Theory]
    [InlineData(true, true, "")]
    [InlineData(true, false, "notice")]
    [InlineData(false, false, "notice")]
    public async Task The_session_start_command_is_silent_with_both_binaries_and_prints_the_notice_as_json_otherwise(bool post, bool prompt, string expected)
    {
        using var dir = new TempDirectory("dm-guard");
        var bin = Path.Combine(dir.Path, WiringDefaults.HookDir);
        Directory.CreateDirectory(bin);
        foreach (var (present, exe) in new[] { (post, WiringDefaults.PostToolUseExe), (prompt, WiringDefaults.UserPromptSubmitExe) })
        {
            if (!present) continue;
            File.WriteAllText(Path.Combine(bin, exe), "#!/bin/sh\nexit 0\n");
            File.SetUnixFileMode(Path.Combine(bin, exe), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var env = new Dictionary<string, string?> { ["CLAUDE_PROJECT_DIR"] = dir.Path };

        var run = await ProcessRunner.RunAsync("sh", ["-c", WiringDefaults.SessionStartCommand()], dir.Path, stdin: "{}", environment: env);

        run.ExitCode.Should().Be(0);
        if (expected.Length == 0) run.StdOut.Should().BeEmpty();
        else JsonNode.Parse(run.StdOut)!["systemMessage"]!.GetValue<string>().Should().Be(WiringDefaults.MissingBinariesNotice);
    }

    [Theory]
    [InlineData(false, 0, "")]
    [InlineData(true, 3, "args=--install user|in={\"x\":1}")]
    public async Task A_guarded_command_runs_the_binary_with_its_arguments_stdin_and_exit_code_or_succeeds_silently_without_it(bool present, int code, string expected)
    {
        using var dir = new TempDirectory("dm guard space");
        var exe = Path.Combine(dir.Path, "hook");
        if (present)
        {
            File.WriteAllText(exe, "#!/bin/sh\nprintf 'args=%s|in=%s' \"$*\" \"$(cat)\"\nexit 3\n");
            File.SetUnixFileMode(exe, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var run = await ProcessRunner.RunAsync("sh", ["-c", WiringDefaults.GuardedCommand("\"" + exe + "\"", " --install user")], dir.Path, stdin: "{\"x\":1}");

        run.ExitCode.Should().Be(code);
        run.StdOut.Should().Be(expected);
        run.StdErr.Should().BeEmpty();
    }
}
