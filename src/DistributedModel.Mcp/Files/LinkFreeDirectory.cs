using Microsoft.Extensions.FileSystemGlobbing.Abstractions;
using ModelContextProtocol;

namespace DistributedModel.Mcp.Files;

/// <summary>
/// A directory as the glob matcher walks it, without descending into symbolic links to directories: a link loop
/// (<c>a/loop -> ..</c>) cannot make a glob run forever, and a directory reached only through a link is not searched (name
/// it through its real place). Links to files are listed; <see cref="WorkspaceConfinement"/> still checks where they lead.
/// The walk stops at <see cref="WalkBudget.MaxEntries"/> entries and when the tool's time limit cancels it.
/// </summary>
internal sealed class LinkFreeDirectory(DirectoryInfo directory, LinkFreeDirectory? parent, LinkFreeDirectory.WalkBudget budget)
    : DirectoryInfoBase
{
    public override string Name => directory.Name;

    public override string FullName => directory.FullName;

    public override DirectoryInfoBase? ParentDirectory => parent;

    public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
    {
        if (!directory.Exists) yield break;
        foreach (var entry in directory.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true }))
        {
            budget.Step();
            if (entry is DirectoryInfo d)
            {
                if (d.LinkTarget is null) yield return new LinkFreeDirectory(d, this, budget);
            }
            else if (entry is FileInfo f) yield return new FileInfoWrapper(f);
        }
    }

    public override DirectoryInfoBase? GetDirectory(string path)
    {
        var d = new DirectoryInfo(Path.Combine(directory.FullName, path));
        return d.LinkTarget is null ? new LinkFreeDirectory(d, this, budget) : null;
    }

    public override FileInfoBase GetFile(string path) => new FileInfoWrapper(new FileInfo(Path.Combine(directory.FullName, path)));

    /// <summary>Entries one glob may visit, and the token that ends the walk.</summary>
    internal sealed class WalkBudget(string pattern, CancellationToken token)
    {
        /// <summary>Directory entries one glob may look at before it is refused.</summary>
        public const int MaxEntries = 200_000;

        private int _seen;

        public void Step()
        {
            token.ThrowIfCancellationRequested();
            if (++_seen > MaxEntries)
                throw new McpException($"'{pattern}' looked at more than {MaxEntries:N0} directory entries; narrow the glob");
        }
    }
}
