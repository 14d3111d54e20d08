using DistributedModel.Mcp.Files;

namespace DistributedModel.Mcp.Scaffold;

/// <summary>
/// Writes a scaffold's files all or nothing. Stage: every file goes to a temporary name in its (confined, real) directory.
/// Commit: each staged file is renamed onto its name (a replaced file first moves aside). If any step fails, everything done
/// so far is undone: committed new files removed, replaced files put back, temporaries deleted, directories this call created
/// removed — the workspace is as it was.
/// </summary>
internal sealed class ScaffoldWriter(WorkspaceConfinement confinement)
{
    private readonly List<string> _createdDirs = [];
    private readonly List<Staged> _staged = [];

    public async Task StageAsync(WorkspaceFile target, byte[] content, bool replace)
    {
        var realDir = confinement.CreateDirectory(Path.GetDirectoryName(target.FullPath)!, target.RelativePath, _createdDirs);
        var temp = Path.Combine(realDir, $".dm-scaffold-{Guid.NewGuid():N}.tmp");
        var staged = new Staged(temp, Path.Combine(realDir, Path.GetFileName(target.FullPath)), replace);
        _staged.Add(staged);
        await using var stream = confinement.CreateNew(realDir, Path.GetFileName(temp), target.RelativePath);
        await stream.WriteAsync(content, CancellationToken.None).ConfigureAwait(false);
        await stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public void Commit()
    {
        foreach (var s in _staged)
        {
            if (s.Replace && File.Exists(s.Final))
            {
                s.Backup = s.Final + $".dm-old-{Guid.NewGuid():N}";
                File.Move(s.Final, s.Backup, overwrite: false);
            }
            File.Move(s.Temp, s.Final, overwrite: false); // no-clobber: a file or link that appeared meanwhile is not replaced
            s.Committed = true;
        }
        foreach (var s in _staged.Where(s => s.Backup is not null)) TryDelete(s.Backup!);
        _staged.Clear();
        _createdDirs.Clear();
    }

    /// <summary>Undoes whatever <see cref="StageAsync"/> and <see cref="Commit"/> did (safe to call after a success: nothing left).</summary>
    public void Rollback()
    {
        for (var i = _staged.Count - 1; i >= 0; i--)
        {
            var s = _staged[i];
            if (s.Committed) TryDelete(s.Final);
            if (s.Backup is not null && File.Exists(s.Backup)) File.Move(s.Backup, s.Final, overwrite: true);
            TryDelete(s.Temp);
        }
        for (var i = _createdDirs.Count - 1; i >= 0; i--)
        {
            try { Directory.Delete(_createdDirs[i]); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        _staged.Clear();
        _createdDirs.Clear();
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private sealed class Staged(string temp, string final, bool replace)
    {
        public string Temp { get; } = temp;

        public string Final { get; } = final;

        public bool Replace { get; } = replace;

        public string? Backup { get; set; }

        public bool Committed { get; set; }
    }
}
