using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DistributedModel.Core.Processes;
using DistributedModel.Testing;
using DistributedModel.Testing.Processes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit.Abstractions;
using CoreRunner = DistributedModel.Core.Processes.ProcessRunner;
using TestRunner = DistributedModel.Testing.Processes.ProcessRunner;

namespace DistributedModel.Mcp.Tests.Dispatch.Crash;

/// <summary>
/// The published dm-mcp SIGKILLed in the middle of a job whose "codex" (a script that starts a grandchild and waits) is
/// running: nothing of it may outlive the server, and the next server cleans up the rest.
/// </summary>
[Collection(CodexCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ServerSigkillTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan GoneWithin = TimeSpan.FromSeconds(2);

    private readonly TempDirectory _userHome = new("dm-user-home");
    private readonly TempDirectory _scratch = new("dm-fake-codex");

    [Fact]
    public async Task Codex_and_its_grandchild_die_with_a_sigkilled_server_and_the_restarted_server_leaves_no_worktree_or_empty_branch()
    {
        var publishDir = await DotnetPublisher.PublishAsync("src/DistributedModel.Mcp", aot: true);
        using var repo = await TempGitRepo.CreateAsync();
        repo.Write(".claude/dm.json", "{\"dispatch\":{\"reviewers\":[\"correctness:ollama/glm-4.7-flash\"]}}");
        var branchesBefore = await repo.GitAsync("branch", "--format=%(refname:short)");
        var worktreesBefore = await repo.GitAsync("worktree", "list", "--porcelain");
        var fifo = _scratch.Combine("pids");
        (await TestRunner.RunAsync("mkfifo", [fifo])).ExitCode.Should().Be(0);
        var codex = _scratch.Write("codex", $"#!/bin/sh\nsleep 600 &\necho \"$$ $!\" > '{fifo}'\nwait\n");
        File.SetUnixFileMode(codex, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _userHome.Write(".claude/dm.json", new JsonObject { ["dispatch"] = new JsonObject { ["codexPath"] = codex } }.ToJsonString());

        string id;
        int[] left;
        await using (var server = StartServer(publishDir, repo.Root))
        {
            await using var client = await McpClient.CreateAsync(
                new StreamClientTransport(server.StandardInput.BaseStream, server.StandardOutput.BaseStream));
            id = (await client.DispatchAsync(new() { ["brief"] = "Fix add() in src/calc.py" })).Id;
            var pids = (await Task.Run(() => File.ReadAllText(fifo)).WaitAsync(TimeSpan.FromSeconds(60))).Split(' ', StringSplitOptions.TrimEntries)
                .Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            left = [.. ProcessesGone.DescendantsOf(server.Id)];
            left.Should().Contain(pids, "the test watches the server's own descendants: codex and its child");
            output.WriteLine($"the server's descendants: {string.Join(", ", left.Select(p => $"{p} (child of {ProcessesGone.ParentOf(p)})"))}");

            using (var process = Process.GetProcessById(server.Id)) process.Kill(); // SIGKILL, the server alone
            await server.WaitForExitAsync(CancellationToken.None);
            var gone = await ProcessesGone.WaitAsync(left, GoneWithin, TimeProvider.System);
            output.WriteLine($"after SIGKILL of dm-mcp: {(gone is { } g ? $"no descendant alive after {g.TotalMilliseconds:F0} ms" : "descendants still alive")}");
            gone.Should().NotBeNull($"nothing the server started outlives it by {GoneWithin.TotalSeconds} s; alive: {string.Join(", ", left.Where(ProcessesGone.Runs))}");
        }

        await using (var restarted = StartServer(publishDir, repo.Root))
        {
            await using var client = await McpClient.CreateAsync(
                new StreamClientTransport(restarted.StandardInput.BaseStream, restarted.StandardOutput.BaseStream));
            var status = DispatchToolCalls.TextOf(await client.StatusAsync(id));
            output.WriteLine(status);
            status.Should().StartWith($"dispatch {id}: interrupted on branch dm/fix-add-in-src-calc-py-")
                .And.Contain("ended without finishing it").And.Contain("Its worktree was removed.");
        }
        (await repo.GitAsync("branch", "--format=%(refname:short)")).Should().Be(branchesBefore);
        (await repo.GitAsync("worktree", "list", "--porcelain")).Should().Be(worktreesBefore);
    }

    private RunningProcess StartServer(string publishDir, string workspace) =>
        CoreRunner.Start(new ProcessSpec(Path.Combine(publishDir, "dm-mcp"))
        {
            Arguments = ["--workspace", workspace],
            WorkingDirectory = workspace,
            Environment = new Dictionary<string, string?>
            {
                ["HOME"] = _userHome.Path,
                ["OLLAMA_HOST"] = "http://127.0.0.1:9",
                ["GEMINI_API_KEY"] = "", ["GOOGLE_API_KEY"] = "", ["OPENAI_API_KEY"] = "", ["DEEPSEEK_API_KEY"] = "",
                ["CLAUDE_PROJECT_DIR"] = null,
            },
        }, out var error) ?? throw new InvalidOperationException("dm-mcp did not start: " + error);

    public void Dispose()
    {
        _userHome.Dispose();
        _scratch.Dispose();
    }
}
