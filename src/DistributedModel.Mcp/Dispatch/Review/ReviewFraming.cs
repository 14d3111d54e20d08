namespace DistributedModel.Mcp.Dispatch.Review;

/// <summary>The angle a reviewer judges the diff from; each reviewer of a dispatch gets its own.</summary>
public static class ReviewFraming
{
    public const string Correctness = "correctness";
    public const string Quality = "quality";
    public const string Security = "security";

    /// <summary>In the order they are handed to reviewers that do not name one.</summary>
    public static readonly IReadOnlyList<string> All = [Correctness, Quality, Security];

    public static string Focus(string framing) => framing switch
    {
        Correctness => "CORRECTNESS: does the change do what the brief asks, for every input? Look for logic errors, "
            + "off-by-one and boundary mistakes, wrong types or units, unhandled errors and null/empty cases, broken callers, "
            + "race conditions, and missing or wrong tests.",
        Quality => "QUALITY AND MAINTAINABILITY: is the change clear, minimal and consistent with the surrounding code? "
            + "Look for unclear names, duplication, dead code, needless complexity, leaky abstractions, missing or misleading "
            + "comments and docs, and tests that cannot fail.",
        Security => "SECURITY: could the change be abused or leak data? Look for injection (shell, SQL, path traversal), "
            + "unsafe deserialisation, secrets in code or logs, missing input validation or authorisation, unsafe defaults "
            + "and risky dependencies.",
        _ => throw new ArgumentException($"unknown review framing '{framing}' (use {string.Join(", ", All)})", nameof(framing)),
    };
}
