namespace DistributedModel.Compression;

/// <summary>
/// The words that make a line an error or a warning — data, not code. A term matches as a whole word (not inside an
/// identifier, a flag like <c>/warnaserror</c> or <c>-Werror</c>, a path like <c>errors/</c> or a file name like
/// <c>error-handling.md</c>) and not when a zero count or "no" precedes it (<c>0 errors</c>, <c>no failures</c>).
/// Besides the terms, an identifier ending in <c>Error</c> or <c>Exception</c> before a colon (<c>KeyError:</c>,
/// <c>System.IO.IOException:</c>) is an error, and so is an HTTP 5xx status.
/// </summary>
public sealed record FailureVocabulary
{
    /// <summary>Error terms, matched case-insensitively as whole words (multi-word terms allowed).</summary>
    public required IReadOnlyList<string> ErrorTerms { get; init; }

    /// <summary>Error level tokens, matched case-sensitively (so the word "alert" in prose is not an error).</summary>
    public required IReadOnlyList<string> ErrorLevels { get; init; }

    /// <summary>Warning terms, matched case-insensitively as whole words.</summary>
    public required IReadOnlyList<string> WarningTerms { get; init; }

    /// <summary>Warning level tokens, matched case-sensitively.</summary>
    public required IReadOnlyList<string> WarningLevels { get; init; }

    /// <summary>The compiled-in defaults (issue: error, fail/failed/failure, fatal, panic, exception, traceback, warning,
    /// denied, refused, timeout/timed out, unreachable, abort(ed), crash(ed), killed, OOM, segfault, cannot / could not /
    /// unable to, non-zero exit codes, HTTP 5xx).</summary>
    public static FailureVocabulary Default { get; } = new()
    {
        ErrorTerms =
        [
            "error", "errors", "errored", "fail", "fails", "failed", "failing", "failure", "failures", "fatal", "panic",
            "panicked", "exception", "exceptions", "traceback", "denied", "refused", "refusing", "timeout", "timeouts",
            "timed out", "unreachable", "abort", "aborted", "aborting", "crash", "crashed", "crashes", "killed", "oom",
            "out of memory", "segfault", "segmentation fault", "core dumped", "cannot", "can't", "could not", "couldn't",
            "unable to", "unhandled", "command not found", "no such file or directory", "stack overflow", "assertion",
            "undefined reference", "unresolved external", "critical", "severe",
        ],
        ErrorLevels = ["ERROR", "ERR", "FATAL", "FTL", "CRIT", "EMERG", "ALERT", "PANIC", "SEVERE"],
        WarningTerms = ["warning", "warnings", "warn", "deprecated", "deprecation"],
        WarningLevels = ["WARN", "WRN"],
    };
}
