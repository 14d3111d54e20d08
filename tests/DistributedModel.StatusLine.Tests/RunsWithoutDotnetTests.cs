using DistributedModel.Testing;
using DistributedModel.Testing.Processes;

namespace DistributedModel.StatusLine.Tests;

/// <summary>Issue 29.4: the published status line runs with no <c>dotnet</c> on <c>PATH</c> and <c>DOTNET_ROOT</c> pointing nowhere.</summary>
public sealed class RunsWithoutDotnetTests
{
    [Fact]
    public async Task The_published_status_line_prints_its_line_with_no_dotnet_anywhere()
    {
        var exe = Path.Combine(await DotnetPublisher.PublishAsync("src/DistributedModel.StatusLine", aot: true), "StatusLine");
        WithoutDotnet.IsNativeExecutable(exe).Should().BeTrue("a Native-AOT binary, not an apphost that loads libhostfxr from a .NET install");
        using var ws = new TempDirectory("dm-statusline-nodotnet");
        var empty = Directory.CreateDirectory(ws.Combine("empty-path")).FullName;
        var stdin = "{\"cwd\":" + System.Text.Json.JsonSerializer.Serialize(ws.Path) + ",\"workspace\":{\"project_dir\":" + System.Text.Json.JsonSerializer.Serialize(ws.Path) + "}}";

        var r = await ProcessRunner.RunAsync(exe, [], ws.Path, stdin, WithoutDotnet.Environment(empty), TimeSpan.FromSeconds(30));

        r.ExitCode.Should().Be(0, r.ToString());
        r.StdOut.Should().StartWith("dm").And.EndWith("\n");
        r.StdErr.Should().BeEmpty();
    }
}
