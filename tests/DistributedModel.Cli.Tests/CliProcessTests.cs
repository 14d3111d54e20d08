using DistributedModel.Cli.Tests.Support;
using DistributedModel.Testing;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Cli.Tests;

/// <summary>The real <c>dm</c> executable (built next to the tests) in a real process.</summary>
public sealed class CliProcessTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static string Dm => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "dm.exe" : "dm");

    [Fact]
    public async Task Help_lists_every_command_and_the_exit_codes()
    {
        var r = await ProcessRunner.RunAsync(Dm, ["--help"], _h.Root);

        r.ExitCode.Should().Be(0, r.ToString());
        foreach (var cmd in new[] { "install", "promote", "uninstall", "report", "doctor", "plugin", "adr" })
            r.StdOut.Should().MatchRegex($@"\n\s+{cmd}\s");
        r.StdOut.Should().Contain("Exit codes: 0 ok").And.Contain("2 usage error or bad input");
    }

    [Fact]
    public async Task Bare_dm_prints_the_help_and_exits_with_2()
    {
        var r = await ProcessRunner.RunAsync(Dm, [], _h.Root);

        r.ExitCode.Should().Be(2, r.ToString());
        r.StdOut.Should().Contain("Usage:").And.Contain("install");
    }

    [Fact]
    public async Task Unknown_option_exits_with_2()
    {
        var r = await ProcessRunner.RunAsync(Dm, ["report", "--dayz", "3"], _h.Root);

        r.ExitCode.Should().Be(2, r.ToString());
        r.StdErr.Should().Contain("--dayz");
    }

    [Fact]
    public async Task Install_and_uninstall_in_a_real_process_round_trip_the_repo_using_HOME_and_cwd()
    {
        _h.WriteRepo(".claude/settings.json", UserFiles.Settings);
        var before = CliHarness.Snapshot(_h.Repo);
        var env = new Dictionary<string, string?> { ["HOME"] = _h.Home };

        var install = await ProcessRunner.RunAsync(Dm, ["install", "--hooks-from", _h.FakeBinaries()], _h.Repo, environment: env);
        install.ExitCode.Should().Be(0, install.ToString());
        File.Exists(_h.RepoFile("hooks/bin/mcp/dm-mcp")).Should().BeTrue();
        var uninstall = await ProcessRunner.RunAsync(Dm, ["uninstall"], _h.Repo, environment: env);

        uninstall.ExitCode.Should().Be(0, uninstall.ToString());
        CliHarness.Snapshot(_h.Repo).Should().Equal(before);
    }

    [Fact]
    public void The_dm_binary_sits_in_the_source_tree_so_install_can_find_it()
    {
        DistributedModel.Cli.Install.SourceTreeLocator.Find(AppContext.BaseDirectory).Should().Be(RepoPaths.Root);
    }
}
