using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Hosting;
using DistributedModel.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistributedModel.Mcp.Tests.Hosting;

/// <summary>Issue 26 item 2: <c>mcp.log</c> is opened by Serilog's file sink, which follows links; a committed
/// <c>.claude/dm/mcp.log -> ~/.bashrc</c> must not receive log lines.</summary>
public sealed class ServerLoggingTests : IDisposable
{
    private readonly TempDirectory _dir = new("dm-mcplog");

    public void Dispose() => _dir.Dispose();

    private (string? Problem, string Target) LogOnce(Action<WorkspacePaths> plant)
    {
        var repo = Directory.CreateDirectory(_dir.Combine("repo")).FullName;
        var paths = new WorkspacePaths(repo);
        var target = _dir.Write("home/.bashrc", "alias ll='ls -l'\n");
        plant(paths);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = repo });
        var problem = ServerLogging.Configure(builder, paths);
        using (var host = builder.Build())
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("t").LogWarning("tool call with $(touch X)");
        return (problem, target);
    }

    [Fact]
    public void A_log_file_that_is_a_link_is_not_written_and_the_reason_names_it()
    {
        string? link = null;
        var (problem, target) = LogOnce(p =>
        {
            Directory.CreateDirectory(p.DmDir);
            link = Path.Combine(p.DmDir, "mcp.log");
            File.CreateSymbolicLink(link, _dir.Combine("home", ".bashrc"));
        });

        problem.Should().Contain(link!).And.Contain("symbolic link");
        File.ReadAllText(target).Should().Be("alias ll='ls -l'\n");
    }

    [Fact]
    public void A_dm_folder_that_is_a_link_is_not_written_either()
    {
        var (problem, _) = LogOnce(p =>
        {
            Directory.CreateDirectory(p.ClaudeDir);
            Directory.CreateSymbolicLink(p.DmDir, _dir.Combine("home"));
        });

        problem.Should().Contain("symbolic link");
        Directory.GetFiles(_dir.Combine("home")).Should().Equal(_dir.Combine("home", ".bashrc"));
    }

    [Fact]
    public void An_ordinary_repository_gets_its_mcp_log()
    {
        var (problem, _) = LogOnce(_ => { });

        problem.Should().BeNull();
        File.ReadAllText(_dir.Combine("repo", ".claude", "dm", "mcp.log")).Should().Contain("tool call with $(touch X)");
    }
}
