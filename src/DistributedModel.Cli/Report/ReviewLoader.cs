using DistributedModel.Cli.Install;

namespace DistributedModel.Cli.Report;

/// <summary>Reads hooks.log, the ledger, audits/ and the install record of a repository and computes the review.</summary>
public static class ReviewLoader
{
    public static Review Load(string repoRoot, int days, DateTimeOffset now, TextWriter? progress = null)
    {
        var layout = new RepoLayout(repoRoot);
        var stats = new ReadStats();
        var hooks = LogReaders.ReadHooks(layout.Paths.HooksLog, stats, progress);
        var ledger = LogReaders.ReadLedger(layout.Paths.Ledger, stats, progress);
        var decisions = AuditReader.Read(layout.Paths.AuditsDir, stats);
        var state = InstallState.Load(layout.StateFile);
        return ReviewCalculator.Compute(hooks, ledger, decisions, now, days, state?.WindowStart, stats.Skipped);
    }
}
