using DistributedModel.Core.Wiring;
using DistributedModel.Testing;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Core.Tests.Wiring;

/// <summary>The <c>sh -c</c> launcher in <c>.mcp.json</c>, run by a real <c>sh</c> the way Claude Code runs it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class McpLauncherTests : IDisposable
{
    private readonly TempDirectory _root = new("dm-launcher");

    public void Dispose() => _root.Dispose();

    private string Project => _root.Combine("home", "src", "project");

    private static Task<ProcessResult> LaunchFrom(string dir) =>
        ProcessRunner.RunAsync("sh", ["-c", WiringDefaults.McpLauncherScript], dir, stdin: "", timeout: TimeSpan.FromSeconds(20));

    /// <summary>A project as <c>dm install</c> leaves it: its .mcp.json naming our server, and optionally the server.</summary>
    private string MakeProject(bool withServer, bool git = true)
    {
        Directory.CreateDirectory(Project);
        if (git) Directory.CreateDirectory(Path.Combine(Project, ".git"));
        File.WriteAllText(Path.Combine(Project, ".mcp.json"), "{\"mcpServers\":{\"" + WiringDefaults.McpServerName + "\":" + WiringDefaults.McpServerEntryJson() + "}}");
        if (withServer) PlantServer(Project, "project");
        return Project;
    }

    private static void PlantServer(string dir, string who)
    {
        var server = Path.Combine(dir, WiringDefaults.McpDir, WiringDefaults.McpExe);
        Directory.CreateDirectory(Path.GetDirectoryName(server)!);
        File.WriteAllText(server, $"#!/bin/sh\nprintf '%s|%s|%s' {who} \"$PWD\" \"$CLAUDE_PROJECT_DIR\"\n");
        File.SetUnixFileMode(server, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task From_a_subdirectory_it_runs_the_projects_server_at_the_project_root_and_names_the_root()
    {
        var project = MakeProject(withServer: true);
        var deep = Directory.CreateDirectory(Path.Combine(project, "src", "deep")).FullName;

        var run = await LaunchFrom(deep);

        run.ExitCode.Should().Be(0, run.ToString());
        run.StdOut.Should().Be($"project|{project}|{project}");
    }

    [Fact]
    public async Task Without_an_installed_server_it_says_to_run_dm_install_and_exits_127()
    {
        var project = MakeProject(withServer: false);

        var run = await LaunchFrom(project);

        run.ExitCode.Should().Be(127);
        run.StdErr.Should().Contain($"distributed-model: no hooks/bin/mcp/dm-mcp in the project of {project} (the folder whose .mcp.json names distributed-model); run: dm install");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_server_planted_in_a_parent_folder_is_never_run(bool git)
    {
        // Issue 26 item 8: a clone without binaries under /tmp ran a hooks/bin/mcp/dm-mcp planted in /tmp.
        var project = MakeProject(withServer: false, git);
        PlantServer(_root.Combine("home", "src"), "planted");
        PlantServer(_root.Combine("home"), "planted");

        var run = await LaunchFrom(project);

        run.ExitCode.Should().Be(127, run.ToString());
        run.StdOut.Should().NotContain("planted");
    }

    [Fact]
    public async Task Above_a_repository_root_without_our_entry_it_stops_at_the_repository()
    {
        var repo = Directory.CreateDirectory(_root.Combine("home", "other")).FullName;
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        PlantServer(_root.Path, "planted");
        File.WriteAllText(_root.Combine(".mcp.json"), "{\"mcpServers\":{\"distributed-model\":{}}}");

        var run = await LaunchFrom(repo);

        run.ExitCode.Should().Be(127, run.ToString());
        run.StdOut.Should().NotContain("planted");
    }
}
