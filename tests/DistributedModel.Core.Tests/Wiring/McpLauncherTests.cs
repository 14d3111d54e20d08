using DistributedModel.Core.Wiring;
using DistributedModel.Testing;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Core.Tests.Wiring;

/// <summary>The <c>sh -c</c> launcher in <c>.mcp.json</c>, run by a real <c>sh</c> the way Claude Code runs it.</summary>
public sealed class McpLauncherTests : IDisposable
{
    private readonly TempDirectory _project = new("dm-launcher");

    public void Dispose() => _project.Dispose();

    private Task<ProcessResult> LaunchFrom(string dir) =>
        ProcessRunner.RunAsync("sh", ["-c", WiringDefaults.McpLauncherScript], dir, stdin: "", timeout: TimeSpan.FromSeconds(20));

    [Fact]
    public async Task From_a_subdirectory_it_runs_the_projects_server_at_the_project_root_and_names_the_root()
    {
        var server = _project.Write(WiringDefaults.McpDir + "/" + WiringDefaults.McpExe, "#!/bin/sh\nprintf '%s|%s' \"$PWD\" \"$CLAUDE_PROJECT_DIR\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(server, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var deep = Directory.CreateDirectory(_project.Combine("src", "deep")).FullName;

        var run = await LaunchFrom(deep);

        run.ExitCode.Should().Be(0, run.ToString());
        run.StdOut.Should().Be(_project.Path + "|" + _project.Path);
    }

    [Fact]
    public async Task Without_an_installed_server_it_says_to_run_dm_install_and_exits_127()
    {
        var run = await LaunchFrom(_project.Path);

        run.ExitCode.Should().Be(127);
        run.StdErr.Should().Contain("distributed-model: no hooks/bin/mcp/dm-mcp in " + _project.Path + " or above it; run: dm install");
    }
}
