namespace DistributedModel.Core.Workspace;

/// <summary>A file or folder Distributed Model would write is a symbolic link, not a regular file or folder, or outside
/// the project: the write is refused (an <see cref="IOException"/>, so every fail-open path treats it as one).</summary>
public sealed class UnsafeWorkspacePathException : IOException
{
    public UnsafeWorkspacePathException(string path, string message) : base(message) => Path = path;

    public UnsafeWorkspacePathException() { }

    public UnsafeWorkspacePathException(string message) : base(message) { }

    public UnsafeWorkspacePathException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The path that was refused.</summary>
    public string Path { get; } = "";
}
