using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Dispatch;
using DistributedModel.Mcp.Dispatch.Codex;
using DistributedModel.Mcp.Dispatch.Git;
using DistributedModel.Mcp.Dispatch.Review;
using DistributedModel.Testing;
using DistributedModel.Testing.Codex;

namespace DistributedModel.Mcp.Tests.Dispatch;

/// <summary>
/// A temp git repo as the workspace, the real codex CLI pointed at a scripted fake Responses API, and a
/// <see cref="DispatchService"/> wired like production around them.
/// </summary>
public sealed class DispatchHarness : IAsyncDisposable
{
    public const string FixPatch =
        "*** Begin Patch\n*** Update File: src/calc.py\n@@\n def add(a, b):\n-    return a - b\n+    return a + b\n*** End Patch\n";

    private readonly TempDirectory _codexHome = new("dm-codex-home");

    private DispatchHarness(TempGitRepo repo, FakeResponsesServer fake) { Repo = repo; Fake = fake; }

    public TempGitRepo Repo { get; }
    public FakeResponsesServer Fake { get; }
    public WorkspacePaths Paths => new(Repo.Root);

    /// <summary>This harness's installation key: states written with it are the server's own.</summary>
    public DistributedModel.Mcp.Dispatch.Jobs.DispatchStateKey StateKey { get; } = DistributedModel.Mcp.Dispatch.Jobs.DispatchStateKey.Ephemeral();

    /// <summary>Codex fixes src/calc.py with apply_patch, then answers with a summary.</summary>
    public static Task<DispatchHarness> WithFixScriptAsync() => StartAsync(
        ResponsesStep.ApplyPatch(FixPatch) with { Usage = new(2000, 500, 60, 12) },
        ResponsesStep.Message("Fixed add(): it subtracted instead of adding.") with { Usage = new(2100, 1500, 40, 0) });

    public static async Task<DispatchHarness> StartAsync(params ResponsesStep[] script)
    {
        var repo = await TempGitRepo.CreateAsync();
        var fake = await FakeResponsesServer.StartAsync(script);
        return new DispatchHarness(repo, fake);
    }

    public void Configure(DispatchOptions o)
    {
        o.CodexPath = RepoPaths.NpmBin("codex");
        o.CodexHome = _codexHome.Path;
        o.CodexConfig = [.. Fake.CodexConfigOverrides()];
        o.CodexTimeout = TimeSpan.FromSeconds(60);
    }

    public DispatchService Service(IReviewerClient reviewers, Action<DispatchOptions>? configure = null) =>
        new(Paths, new DispatchOptionsLoader(Paths, Path.Combine(_codexHome.Path, "no-user-home", ".claude", "dm.json"), o => { Configure(o); configure?.Invoke(o); }),
            new WorktreeManager(), new CodexRunner(), new ReviewPanel(reviewers), TimeProvider.System);

    public string[] Branches() =>
        Repo.GitAsync("branch", "--list", "dm/*", "--format=%(refname:short)").GetAwaiter().GetResult()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] WorktreeFolders() =>
        Directory.Exists(Path.Combine(Paths.DmDir, "worktrees"))
            ? Directory.GetDirectories(Path.Combine(Paths.DmDir, "worktrees"))
            : [];

    public async ValueTask DisposeAsync()
    {
        await Fake.DisposeAsync();
        Repo.Dispose();
        _codexHome.Dispose();
    }
}

/// <summary>For paths that must end before any review: fails the test if a reviewer is called.</summary>
public sealed class NoReviewerExpected : IReviewerClient
{
    public Task<ReviewerReply> CompleteAsync(ReviewerCall call, CancellationToken ct) =>
        throw new InvalidOperationException("no reviewer should be called on this path");
}
