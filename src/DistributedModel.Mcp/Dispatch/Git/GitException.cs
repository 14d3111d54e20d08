namespace DistributedModel.Mcp.Dispatch.Git;

/// <summary>A git command failed; the message names the command and carries git's own error text.</summary>
public sealed class GitException : Exception
{
    public GitException(string message) : base(message) { }
    public GitException(string message, Exception inner) : base(message, inner) { }
    public GitException() { }
}
