using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DistributedModel.Core.Workspace;
using DistributedModel.Mcp.Dispatch.Codex;
using DistributedModel.Mcp.Dispatch.Git;
using DistributedModel.Mcp.Dispatch.Results;
using DistributedModel.Mcp.Dispatch.Review;

namespace DistributedModel.Mcp.Dispatch;

/// <summary>
/// Brief → codex writes the change in its own git worktree → the change is committed on a new branch → reviewers of
/// another model family judge the diff concurrently. The user's checkout is never touched; on failure the worktree is
/// removed and the branch deleted (it has no commits); full material is kept under <c>.claude/dm/dispatch/&lt;id&gt;/</c>.
/// </summary>
public sealed class DispatchService(
    WorkspacePaths paths,
    DispatchOptionsLoader optionsLoader,
    WorktreeManager worktrees,
    CodexRunner codex,
    ReviewPanel reviewPanel,
    TimeProvider time)
{
    /// <summary>Longer briefs (UTF-8 bytes) are refused: the prompt travels as one command-line argument, which Linux
    /// caps at 128 KiB.</summary>
    public const int MaxBriefBytes = 100_000;

    public string WorktreesDir => Path.Combine(paths.DmDir, "worktrees");
    public string DispatchDir => Path.Combine(paths.DmDir, "dispatch");

    /// <summary>The job's artifacts folder <c>.claude/dm/dispatch/&lt;id&gt;/</c>, made as a real folder of the project (a
    /// committed link anywhere on the way is refused: <see cref="Core.Workspace.UnsafeWorkspacePathException"/>).</summary>
    public string PrepareJobDirectory(string id)
    {
        var directory = Path.Combine(DispatchDir, id);
        paths.PrepareWrite(Path.Combine(directory, Jobs.DispatchStateFile.FileName));
        return directory;
    }

    public async Task<DispatchOutcome> RunAsync(DispatchRequest request, IProgress<string>? progress, CancellationToken ct)
    {
        var prepared = await PrepareAsync(request, ct).ConfigureAwait(false);
        return prepared.Plan is { } plan ? await ExecuteAsync(plan, progress, ct).ConfigureAwait(false) : prepared.Refusal!;
    }

    /// <summary>
    /// Everything that can be refused before any work is done (empty or huge brief, bad configuration or reviewers,
    /// dirty or unknown base) and the job's identity: quick (a few git reads), so <c>dispatch</c> can answer at once.
    /// </summary>
    public async Task<(DispatchPlan? Plan, DispatchOutcome? Refusal)> PrepareAsync(DispatchRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Brief))
            return (null, Refused("the brief is empty: describe the change codex should make."));
        var briefBytes = Encoding.UTF8.GetByteCount(request.Brief);
        if (briefBytes > MaxBriefBytes)
            return (null, Refused($"the brief has {briefBytes} bytes; at most {MaxBriefBytes}. Put long material in a file in the repository and refer to it."));

        DispatchOptions options;
        IReadOnlyList<ReviewerSpec> reviewers;
        try
        {
            options = optionsLoader.Load();
            reviewers = ReviewerSpec.ParseAll(request.Reviewers is { Count: > 0 } r ? r : [.. options.Reviewers], ModelFamily.OpenAi);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return (null, Refused(ex.Message));
        }

        string repoRoot, baseSha, baseLabel = string.IsNullOrWhiteSpace(request.Base) ? "HEAD" : request.Base.Trim();
        try
        {
            repoRoot = await worktrees.GetRepoRootAsync(paths.Root, ct).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(request.Base))
            {
                var dirty = await worktrees.GetUncommittedChangesAsync(repoRoot, ct).ConfigureAwait(false);
                if (dirty.Count > 0)
                {
                    return (null, Refused($"dirty base: {dirty.Count} tracked file(s) have uncommitted changes "
                        + $"({string.Join(", ", dirty.Take(5).Select(l => l.Length > 3 ? l[3..] : l))}{(dirty.Count > 5 ? ", …" : "")}). "
                        + "Codex would not see them. Commit or stash them first, or pass `base` to branch from a commit explicitly."));
                }
            }
            baseSha = await worktrees.ResolveCommitAsync(repoRoot, request.Base, ct).ConfigureAwait(false);
        }
        catch (GitException ex)
        {
            return (null, Refused(ex.Message));
        }
        return (new DispatchPlan(request, options, reviewers, repoRoot, baseSha, baseLabel, DispatchId.New(request.Brief, time.GetUtcNow())), null);
    }

    /// <summary>Runs a prepared dispatch to its end and writes <c>result.md</c>.</summary>
    public async Task<DispatchOutcome> ExecuteAsync(DispatchPlan plan, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sw = Stopwatch.StartNew();
        var outcome = await ExecuteCoreAsync(plan, progress, ct).ConfigureAwait(false);
        outcome = outcome with { Elapsed = sw.Elapsed };
        if (outcome.Artifacts is { } a && System.IO.Directory.Exists(a.Directory))
        {
            await File.WriteAllTextAsync(a.PathOf(DispatchArtifacts.ResultFile),
                DispatchResultFormatter.Format(outcome, ResultBudgetBytes), CancellationToken.None).ConfigureAwait(false);
        }
        return outcome;
    }

    /// <summary>
    /// Cleans up after job <paramref name="id"/> of a server that died: its worktree folder removed, git's worktree
    /// entries pruned, its branch deleted when it has no commits beyond <paramref name="baseSha"/> (kept when it has).
    /// Null when this is not a git repository (any more).
    /// </summary>
    public async Task<WorktreeRemoval?> CleanUpAbandonedAsync(string id, string? branch, string? baseSha, CancellationToken ct)
    {
        string repoRoot;
        try { repoRoot = await worktrees.GetRepoRootAsync(paths.Root, ct).ConfigureAwait(false); }
        catch (GitException) { return null; }
        try { return await worktrees.CleanUpAsync(repoRoot, Path.Combine(WorktreesDir, id), branch, baseSha, ct).ConfigureAwait(false); }
        catch (GitException ex) { return new WorktreeRemoval(false, "Cleaning up failed: " + ex.Message); } // the server starts all the same
    }

    /// <summary>How many dispatches run at once (<c>dispatch.maxConcurrent</c>; the default when the configuration is unreadable).</summary>
    public int MaxConcurrent => SafeOptions().MaxConcurrent;

    /// <summary>The configured size target of the result text (the default when the configuration is unreadable).</summary>
    public int ResultBudgetBytes => SafeOptions().ResultBudgetBytes;

    private DispatchOptions SafeOptions()
    {
        try { return optionsLoader.Load(); }
        catch (InvalidOperationException) { return new DispatchOptions(); }
    }

    private async Task<DispatchOutcome> ExecuteCoreAsync(DispatchPlan plan, IProgress<string>? progress, CancellationToken ct)
    {
        var (request, options, reviewers, repoRoot, baseSha, baseLabel, id) = plan;

        // 2. The worktree on a new branch, and the artifacts folder (usually made already by the job's state file).
        var artifacts = new DispatchArtifacts(Path.Combine(DispatchDir, id.Value), paths.Root);
        paths.PrepareWrite(artifacts.PathOf(DispatchArtifacts.BriefFile));
        EnsureDmDirIgnored();
        await File.WriteAllTextAsync(artifacts.PathOf(DispatchArtifacts.BriefFile), request.Brief, CancellationToken.None).ConfigureAwait(false);

        Worktree worktree;
        try
        {
            progress?.Report($"creating worktree on branch {id.Branch}");
            paths.PrepareWrite(Path.Combine(WorktreesDir, id.Value)); // .claude/dm/worktrees/ is a real folder, not a committed link
            worktree = await worktrees.CreateAsync(repoRoot, Path.Combine(WorktreesDir, id.Value), id.Branch, baseSha, baseLabel, ct)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is GitException or UnsafeWorkspacePathException)
        {
            return new DispatchOutcome(DispatchStatus.GitError, ex.Message) { Id = id, Artifacts = artifacts, BaseLabel = baseLabel, BaseSha = baseSha };
        }

        var keepWorktree = false;
        try
        {
            var result = await WorkInWorktreeAsync(request, options, reviewers, id, artifacts, worktree, progress, ct).ConfigureAwait(false);
            keepWorktree = result.Status == DispatchStatus.Completed && options.KeepWorktree;
            if (keepWorktree) return result with { Branch = worktree.Branch, WorktreePath = worktree.Path };

            // The branch survives only if it has commits (always after a successful dispatch; after a failure only if
            // codex committed by itself, e.g. when configured without a sandbox).
            var removal = await worktrees.RemoveAsync(worktree, keepBranch: true, CancellationToken.None).ConfigureAwait(false);
            return result with
            {
                Branch = removal.BranchDeleted ? null : worktree.Branch,
                RemovedBranch = removal.BranchDeleted ? worktree.Branch : null,
                CleanupNote = removal.Note,
            };
        }
        catch (Exception) when (!keepWorktree)
        {
            await worktrees.RemoveAsync(worktree, keepBranch: true, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<DispatchOutcome> WorkInWorktreeAsync(DispatchRequest request, DispatchOptions options,
        IReadOnlyList<ReviewerSpec> reviewers, DispatchId id, DispatchArtifacts artifacts, Worktree worktree,
        IProgress<string>? progress, CancellationToken ct)
    {
        var baseOutcome = new DispatchOutcome(DispatchStatus.Completed, null)
        {
            Id = id, Artifacts = artifacts, BaseLabel = worktree.BaseLabel, BaseSha = worktree.BaseSha,
        };

        // 3. Codex writes the change.
        progress?.Report("codex is working on the brief");
        CodexRunResult run;
        using (var heartbeatStop = new CancellationTokenSource())
        {
            var heartbeat = HeartbeatAsync(progress, options.HeartbeatInterval, heartbeatStop.Token);
            try
            {
                run = await codex.RunAsync(
                    new CodexRunRequest(worktree.Path, CodexPrompt(request.Brief, worktree),
                        artifacts.PathOf(DispatchArtifacts.EventsFile), artifacts.PathOf(DispatchArtifacts.StderrFile)),
                    options, progress, ct).ConfigureAwait(false);
            }
            finally
            {
                await heartbeatStop.CancelAsync().ConfigureAwait(false);
                await heartbeat.ConfigureAwait(false);
            }
        }
        if (run.Status != CodexRunStatus.NotFound)
            CodexLedger.Append(paths, CodexLedger.ToRecord(run, options, time.GetUtcNow()));
        if (run.Status == CodexRunStatus.Cancelled) ct.ThrowIfCancellationRequested();

        try
        {
            if (run.Status != CodexRunStatus.Succeeded)
            {
                var partial = await worktrees.UncommittedDiffAsync(worktree, CancellationToken.None).ConfigureAwait(false);
                if (partial.Length > 0)
                    await File.WriteAllTextAsync(artifacts.PathOf(DispatchArtifacts.PartialDiffFile), partial, CancellationToken.None).ConfigureAwait(false);
                return baseOutcome with { Status = DispatchStatus.CodexFailed, Error = run.Error, Codex = run };
            }

            // 4. Commit on the branch (codex cannot: .git is read-only inside its sandbox).
            progress?.Report("committing codex's changes");
            await worktrees.CommitAllAsync(worktree, CommitMessage(request.Brief, id, run), ct).ConfigureAwait(false);
            if (await worktrees.CountCommitsAsync(worktree, ct).ConfigureAwait(false) == 0)
                return baseOutcome with { Status = DispatchStatus.NoChanges, Codex = run };

            var diff = await worktrees.DiffAsync(worktree, ct).ConfigureAwait(false);
            var stat = await worktrees.DiffStatAsync(worktree, ct).ConfigureAwait(false);
            await File.WriteAllTextAsync(artifacts.PathOf(DispatchArtifacts.DiffFile), diff, CancellationToken.None).ConfigureAwait(false);
            var committed = baseOutcome with { Codex = run, DiffStat = stat };

            // 5. Reviewers, concurrently.
            progress?.Report($"committed ({stat.Summary}); {reviewers.Count} reviewer(s) at work");
            var statText = string.Join('\n', stat.Files.Select(f => $"{f.Path} {(f.Added is null ? "binary" : $"+{f.Added} -{f.Deleted}")}"));
            var reviews = await reviewPanel.ReviewAsync(request.Brief, diff, statText, reviewers, options, progress, ct).ConfigureAwait(false);
            foreach (var r in reviews)
            {
                await File.WriteAllTextAsync(artifacts.PathOf(DispatchArtifacts.ReviewFile(r.Spec.Name)),
                    JsonSerializer.Serialize(ReviewArtifact.From(r), DispatchArtifactJsonContext.Default.ReviewArtifact),
                    CancellationToken.None).ConfigureAwait(false);
            }
            return committed with { Reviews = reviews };
        }
        catch (GitException ex)
        {
            return baseOutcome with { Status = DispatchStatus.GitError, Error = ex.Message, Codex = run };
        }
    }

    /// <summary>"codex still working" every interval, so a silent model still shows the call is alive.</summary>
    private async Task HeartbeatAsync(IProgress<string>? progress, TimeSpan interval, CancellationToken stop)
    {
        if (progress is null || interval <= TimeSpan.Zero) return;
        var start = time.GetTimestamp();
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
                progress.Report($"codex still working ({time.GetElapsedTime(start).TotalSeconds:F0} s)");
        }
        catch (OperationCanceledException) { }
    }

    private static string CodexPrompt(string brief, Worktree worktree) =>
        brief.Trim() + "\n\n---\n"
        + $"(Dispatched by Distributed Model. You are in a git worktree on branch {worktree.Branch}, created from "
        + $"{worktree.BaseLabel}. Make the change in this folder and run the relevant tests if that is practical. "
        + "Do not run git commit: your working-tree changes are committed for you afterwards. "
        + "Finish with a short summary of what you changed.)";

    private static string CommitMessage(string brief, DispatchId id, CodexRunResult run)
    {
        var first = CodexEventTracker.Clip(brief.Trim().Split('\n', 2)[0].Trim(), 64);
        var sb = new StringBuilder();
        sb.Append("dm: ").Append(first).Append("\n\n");
        sb.Append($"Written by codex (dispatch {id.Value}).\n\nBrief:\n");
        sb.Append(brief.Length > 4000 ? brief[..4000] + "\n[…]" : brief.Trim()).Append('\n');
        if (!string.IsNullOrWhiteSpace(run.FinalMessage))
            sb.Append("\nCodex summary:\n").Append(run.FinalMessage.Length > 4000 ? run.FinalMessage[..4000] + "\n[…]" : run.FinalMessage.Trim()).Append('\n');
        return sb.ToString();
    }

    /// <summary>Worktrees and artifacts live inside the user's repository; a <c>*</c> .gitignore keeps them out of its status.</summary>
    private void EnsureDmDirIgnored()
    {
        var ignore = Path.Combine(paths.DmDir, ".gitignore");
        if (File.Exists(ignore) || new FileInfo(ignore).LinkTarget is not null) return; // a link (even a dangling one) is never written through
        try
        {
            using var stream = new FileStream(paths.PrepareWrite(ignore), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            stream.Write("# Distributed Model run-time files (ledger, worktrees, dispatch artifacts)\n*\n"u8);
        }
        catch (IOException) when (File.Exists(ignore)) { } // another dispatch wrote it meanwhile
    }

    private static DispatchOutcome Refused(string reason) => new(DispatchStatus.Refused, reason);
}
