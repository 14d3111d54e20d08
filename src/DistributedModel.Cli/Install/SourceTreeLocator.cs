namespace DistributedModel.Cli.Install;

/// <summary>Finds the Distributed Model source tree (the folder holding <c>DistributedModel.sln</c>).</summary>
public static class SourceTreeLocator
{
    public const string SolutionFile = "DistributedModel.sln";

    /// <summary>Searches upward from each start directory in turn; null if none is inside a source tree.</summary>
    public static string? Find(params string?[] startDirectories)
    {
        foreach (var start in startDirectories)
        {
            if (string.IsNullOrEmpty(start)) continue;
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        return null;
    }
}
