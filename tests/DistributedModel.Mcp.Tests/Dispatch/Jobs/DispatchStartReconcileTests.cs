using System.Globalization;
using System.Text.Json;
using DistributedModel.Mcp.Dispatch.Jobs;
using DistributedModel.Testing.Codex;
using DistributedModel.Testing.Processes;

namespace DistributedModel.Mcp.Tests.Dispatch.Jobs;

/// <summary>
/// A server starting on a repository where an earlier server died mid-job (its state.json still says running, its
/// worktrees and dm/* branches still there): real git repository, real git, the real server host.
/// </summary>
public sealed class DispatchStartReconcileTests
{
    private static readonly DateTimeOffset T = DateTimeOffset.Parse("2026-12-03T10:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Jobs_of_a_dead_server_become_interrupted_their_worktrees_go_and_only_branches_with_commits_stay()
    {
        await using var h = await DispatchHarness.StartAsync(ResponsesStep.Message("unused"));
        var baseSha = await h.Repo.GitAsync("rev-parse", "HEAD");
        var dead = await DeadProcessAsync();
        // a: codex had not changed anything yet. b: a commit on its branch, and its folder already deleted by hand
        // (git lists it prunable). c: its server is this very process, i.e. another live session on the repository.
        var a = await LeftJobAsync(h, "20261203-100000-aaaaaa", "dm/a-aaaaaa", baseSha, dead);
        var b = await LeftJobAsync(h, "20261203-100001-bbbbbb", "dm/b-bbbbbb", baseSha, dead);
        File.WriteAllText(Path.Combine(b, "new.txt"), "work\n");
        await TempGitRepo.GitInAsync(b, "add", "-A");
        await TempGitRepo.GitInAsync(b, "commit", "--quiet", "-m", "codex's work");
        Directory.Delete(b, recursive: true);
        var c = await LeftJobAsync(h, "20261203-100002-cccccc", "dm/c-cccccc", baseSha, ServerProcess.Of(Environment.ProcessId)!);
        (await h.Repo.GitAsync("worktree", "list", "--porcelain")).Should().Contain("prunable", "the test starts from a leak");

        await using (var server = await InProcessDispatchServer.StartAsync(h, new NoReviewerExpected()))
        {
            var list = DispatchToolCalls.TextOf(await server.Client.StatusAsync());

            list.Should().Contain("- 20261203-100000-aaaaaa interrupted dm/a-aaaaaa, ended unfinished — the server that ran this job (running) ended")
                .And.Contain("- 20261203-100001-bbbbbb interrupted dm/b-bbbbbb")
                .And.Contain("- 20261203-100002-cccccc running dm/c-cccccc");
            Read(h, "20261203-100000-aaaaaa").Error.Should().Contain("Its worktree was removed.").And.Contain("dm/a-aaaaaa had no commits and was deleted.");
            Read(h, "20261203-100001-bbbbbb").Error.Should().Contain("dm/b-bbbbbb has commits and was kept.");
        }

        Directory.Exists(a).Should().BeFalse();
        h.Branches().Should().BeEquivalentTo("dm/b-bbbbbb", "dm/c-cccccc");
        (await h.Repo.GitAsync("show", "dm/b-bbbbbb:new.txt")).Should().Be("work");
        var worktrees = await h.Repo.GitAsync("worktree", "list", "--porcelain");
        worktrees.Should().NotContain("prunable").And.NotContain("aaaaaa").And.NotContain("bbbbbb");
        worktrees.Should().Contain(c, "the live server's worktree is its own");
        Directory.Exists(c).Should().BeTrue();
        Read(h, "20261203-100002-cccccc").State.Should().Be(DispatchJobStates.Running, "stopping this server leaves another server's job alone");
    }

    /// <summary>A worktree on a new branch and a state.json saying running, owned by <paramref name="owner"/>.</summary>
    private static async Task<string> LeftJobAsync(DispatchHarness h, string id, string branch, string baseSha, ServerProcess owner)
    {
        var folder = Path.Combine(h.Paths.DmDir, "worktrees", id);
        await h.Repo.GitAsync("worktree", "add", "--quiet", "-b", branch, folder, baseSha);
        DispatchStateFile.Write(Path.Combine(h.Paths.DmDir, "dispatch", id), new DispatchJobState
        {
            Id = id, State = DispatchJobStates.Running, Branch = branch, Base = "HEAD", BaseSha = baseSha, CreatedAt = T, StartedAt = T,
            ServerPid = owner.Pid, ServerStartedAt = owner.StartedAt,
        }, h.StateKey);
        return folder;
    }

    /// <summary>The identity of a process that has ended: a pid the system handed out, with its start time.</summary>
    private static async Task<ServerProcess> DeadProcessAsync()
    {
        var r = await ProcessRunner.RunAsync("sh", ["-c", "echo $$"]);
        return new ServerProcess(int.Parse(r.StdOut.Trim(), CultureInfo.InvariantCulture), DateTimeOffset.UtcNow);
    }

    private static DispatchJobState Read(DispatchHarness h, string id) =>
        JsonSerializer.Deserialize<DispatchJobState>(File.ReadAllText(Path.Combine(h.Paths.DmDir, "dispatch", id, "state.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
}
