using System.Text;
using DistributedModel.Core.Workspace;

namespace DistributedModel.StatusLine;

/// <summary>
/// The status line process: stdin JSON → workspace (<c>workspace.project_dir</c>, else <c>cwd</c>, else
/// <c>CLAUDE_PROJECT_DIR</c>, else the current directory) → tails of <c>.claude/hooks.log</c> and
/// <c>.claude/dm/ledger.jsonl</c> → one line on stdout. Fails silent: whatever goes wrong, it prints
/// <see cref="StatusLineText.Idle"/> and exits 0 (Claude Code shows what a status command prints, errors included).
/// </summary>
internal static class StatusLineProgram
{
    public static int Run(Stream stdin, Stream stdout, TimeProvider time, string? projectDirEnv)
    {
        string line;
        try
        {
            line = Compute(StatusLineInput.ProjectDirectory(stdin), projectDirEnv, time);
        }
#pragma warning disable CA1031 // a status line never shows an error: any failure is the neutral line
        catch (Exception)
#pragma warning restore CA1031
        {
            line = StatusLineText.Idle;
        }
        try
        {
            stdout.Write(Encoding.UTF8.GetBytes(line + "\n"));
            stdout.Flush();
        }
        catch (IOException) { /* Claude Code went away: nothing to tell */ }
        return 0;
    }

    public static string Compute(string? projectDir, string? projectDirEnv, TimeProvider time)
    {
        var root = projectDir ?? (string.IsNullOrWhiteSpace(projectDirEnv) ? null : projectDirEnv) ?? Directory.GetCurrentDirectory();
        if (!Path.IsPathFullyQualified(root)) return StatusLineText.Idle;
        var paths = new WorkspacePaths(root);
        var summary = TodaySummary.From(LogTail.Read(paths.HooksLog), LogTail.Read(paths.Ledger), time);
        return StatusLineText.Format(summary);
    }
}
