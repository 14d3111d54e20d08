namespace DistributedModel.Hooks.Runtime;

/// <summary>
/// Thrown inside a hook when it must leave Claude Code's data untouched: the hook exits 0 with no stdout
/// and logs <c>failopen:&lt;Reason&gt;</c>. Reasons are short kebab-case words (e.g. <c>malformed-json</c>).
/// </summary>
public sealed class FailOpenException : Exception
{
    public FailOpenException(string reason, string? detail = null)
        : base(detail is null ? reason : reason + ": " + detail)
    {
        Reason = reason;
        Detail = detail;
    }

    public FailOpenException() : this("unknown") { }

    public FailOpenException(string message, Exception innerException) : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Kebab-case reason written as <c>failopen:&lt;reason&gt;</c>.</summary>
    public string Reason { get; }

    /// <summary>Optional extra words for the log's <c>detail</c> field (never tool output or prompt text).</summary>
    public string? Detail { get; }
}
