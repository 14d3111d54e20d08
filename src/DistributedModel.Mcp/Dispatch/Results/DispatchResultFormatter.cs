using System.Globalization;
using System.Text;
using DistributedModel.Mcp.Dispatch.Codex;
using DistributedModel.Mcp.Dispatch.Review;

namespace DistributedModel.Mcp.Dispatch.Results;

/// <summary>
/// Condenses a <see cref="DispatchOutcome"/> into the few lines the orchestrator reads: status, branch, diffstat, each
/// reviewer's verdict with its top findings, and where the full material is. It shrinks itself (fewer files, fewer and
/// shorter findings) until it fits the byte budget; the full data is always in the artifacts folder.
/// </summary>
public static class DispatchResultFormatter
{
    private sealed record Level(int Files, int FindingsPerReviewer, int MessageChars, int SummaryChars);

    private static readonly Level[] Levels =
    [
        new(8, 3, 160, 300),
        new(6, 3, 120, 200),
        new(5, 2, 100, 160),
        new(4, 2, 80, 120),
        new(3, 1, 80, 80),
        new(2, 1, 60, 0),
        new(0, 0, 0, 0),
    ];

    public static string Format(DispatchOutcome outcome, int budgetBytes = 2048)
    {
        string text = "";
        foreach (var level in Levels)
        {
            text = Format(outcome, level);
            if (Encoding.UTF8.GetByteCount(text) <= budgetBytes) return text;
        }
        return text;
    }

    private static string Format(DispatchOutcome o, Level level)
    {
        var sb = new StringBuilder();
        var id = o.Id?.Value;
        switch (o.Status)
        {
            case DispatchStatus.Refused:
                sb.Append("dispatch refused: ").Append(o.Error).Append('\n');
                return sb.ToString();
            case DispatchStatus.Completed:
                sb.Append(CultureInfo.InvariantCulture, $"dispatch {id}: committed on branch {o.Branch} (from {o.BaseLabel} @ {Short(o.BaseSha)})\n");
                break;
            case DispatchStatus.NoChanges:
                sb.Append(CultureInfo.InvariantCulture, $"dispatch {id}: NO CHANGES — codex finished without changing any file; nothing committed.\n");
                break;
            default:
                sb.Append(CultureInfo.InvariantCulture, $"dispatch {id}: FAILED ({Describe(o.Status)}) — {o.Error}\n");
                break;
        }

        if (o.Codex is { } c && c.Status != CodexRunStatus.NotFound)
        {
            sb.Append(CultureInfo.InvariantCulture, $"codex: {c.Status.ToString().ToLowerInvariant()} in {c.Elapsed.TotalSeconds:F1} s, {c.Commands} command(s)");
            if (c.Usage is { } u) sb.Append(CultureInfo.InvariantCulture, $", tokens {Tokens(u.Input)} in / {Tokens(u.Output)} out");
            sb.Append('\n');
        }

        if (o.Status == DispatchStatus.Completed && o.DiffStat is { } stat)
        {
            sb.Append("diff: ").Append(stat.Summary).Append('\n');
            foreach (var f in stat.Files.OrderByDescending(f => (f.Added ?? 0) + (f.Deleted ?? 0)).Take(level.Files))
                sb.Append("  ").Append(f.Path).Append(' ').Append(f.Added is null ? "(binary)" : $"+{f.Added} -{f.Deleted}").Append('\n');
            if (stat.Files.Count > level.Files)
                sb.Append(CultureInfo.InvariantCulture, $"  … {stat.Files.Count - level.Files} more file(s)\n");
        }

        if (o.Reviews.Count > 0) AppendReviews(sb, o.Reviews, level);

        if (level.SummaryChars > 0 && !string.IsNullOrWhiteSpace(o.Codex?.FinalMessage))
            sb.Append("codex says: ").Append(CodexEventTracker.Clip(o.Codex!.FinalMessage!.Trim(), level.SummaryChars)).Append('\n');

        if (o.Status != DispatchStatus.Completed)
        {
            sb.Append(o.Branch is not null ? $"branch {o.Branch} kept: it has commits"
                : o.RemovedBranch is not null ? $"nothing committed; worktree and branch {o.RemovedBranch} removed"
                : "nothing committed").Append('\n');
        }
        if (o.WorktreePath is not null) sb.Append("worktree kept: ").Append(o.WorktreePath).Append('\n');
        if (o.CleanupNote is not null) sb.Append("note: ").Append(o.CleanupNote).Append('\n');
        if (o.Artifacts is { } a)
        {
            var files = a.ExistingFiles();
            if (files.Count > 0)
                sb.Append("full details: ").Append(a.RelativeDirectory).Append(" (").Append(string.Join(", ", files)).Append(")\n");
        }
        return sb.ToString();
    }

    private static void AppendReviews(StringBuilder sb, IReadOnlyList<ReviewerOutcome> reviews, Level level)
    {
        var answered = reviews.Where(r => r.Status == ReviewerStatus.Ok).ToList();
        var overall = answered.Count == 0 ? "none"
            : answered.Any(r => r.Verdict!.Verdict == ReviewVerdict.Reject) ? ReviewVerdict.Reject
            : answered.Any(r => r.Verdict!.Verdict == ReviewVerdict.RequestChanges) ? ReviewVerdict.RequestChanges
            : ReviewVerdict.Approve;
        sb.Append("reviews: ").Append(overall);
        if (answered.Count < reviews.Count)
            sb.Append(CultureInfo.InvariantCulture, $" — PARTIAL: only {answered.Count} of {reviews.Count} reviewers gave a valid verdict");
        else
            sb.Append(CultureInfo.InvariantCulture, $" ({reviews.Count} of {reviews.Count} reviewers)");
        sb.Append('\n');

        foreach (var r in reviews)
        {
            sb.Append("- ").Append(r.Spec.Name).Append(" [").Append(r.Who).Append("]: ");
            if (r.Verdict is not { } v)
            {
                sb.Append(r.Status switch
                {
                    ReviewerStatus.TimedOut => "TIMED OUT",
                    ReviewerStatus.Malformed => "MALFORMED",
                    _ => "FAILED",
                }).Append(" — ").Append(CodexEventTracker.Clip(r.Error ?? "", Math.Max(60, level.MessageChars))).Append('\n');
                continue;
            }
            sb.Append(v.Verdict).Append(CultureInfo.InvariantCulture, $", {v.Findings.Count} finding(s)\n");
            foreach (var f in v.Findings.Take(level.FindingsPerReviewer))
            {
                var where = f.File.Length == 0 ? "" : f.Line is { } line ? $"{f.File}:{line} " : f.File + " ";
                sb.Append("  · ").Append(f.Severity).Append(' ').Append(where).Append(CodexEventTracker.Clip(f.Message, level.MessageChars)).Append('\n');
            }
        }
    }

    private static string Describe(DispatchStatus status) => status switch
    {
        DispatchStatus.CodexFailed => "codex",
        DispatchStatus.GitError => "git",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Short(string? sha) => sha is { Length: > 10 } ? sha[..10] : sha ?? "?";

    private static string Tokens(long n) => n >= 10_000
        ? (n / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + "k"
        : n.ToString(CultureInfo.InvariantCulture);
}
