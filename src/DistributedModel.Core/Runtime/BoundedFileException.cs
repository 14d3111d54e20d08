namespace DistributedModel.Core.Runtime;

/// <summary>A file <see cref="BoundedFile"/> would not read, with a short machine reason and a human detail.</summary>
public sealed class BoundedFileException : IOException
{
    public BoundedFileException(string reason, string detail) : base(detail) { Reason = reason; Detail = detail; }

    public BoundedFileException() { }

    public BoundedFileException(string message) : base(message) { }

    public BoundedFileException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary><c>absent</c>, <c>not-a-file</c>, <c>too-large</c> or <c>unreadable</c>.</summary>
    public string Reason { get; } = "unreadable";

    public string Detail { get; } = "";
}
