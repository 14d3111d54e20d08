namespace DistributedModel.Core.Configuration;

/// <summary>The user's own <c>~/.claude/dm.json</c>: the only configuration that may set user-only keys (<see cref="ConfigKeys"/>).</summary>
public static class UserConfigFile
{
    /// <param name="home">The user's home (<c>HOME</c>); null or blank: the platform's user profile folder.</param>
    public static string Path(string? home) =>
        System.IO.Path.Combine(string.IsNullOrWhiteSpace(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home.Trim(),
            ".claude", "dm.json");

    /// <summary>True when the repository's file is the user's own (a repository at <c>~</c>): then it is trusted as the user's.</summary>
    public static bool IsSameFile(string repoFile, string userFile) =>
        string.Equals(System.IO.Path.GetFullPath(repoFile), System.IO.Path.GetFullPath(userFile), StringComparison.Ordinal);
}
