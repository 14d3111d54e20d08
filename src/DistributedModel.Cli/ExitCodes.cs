namespace DistributedModel.Cli;

/// <summary>Exit codes of every <c>dm</c> command.</summary>
public static class ExitCodes
{
    /// <summary>Success; for <c>report</c>: recommendation is promote; for <c>doctor</c>: every check passed.</summary>
    public const int Ok = 0;

    /// <summary>A check failed: <c>report</c> recommends iterate, <c>doctor</c> found a problem, <c>promote</c> refused because the review did not pass, a publish failed.</summary>
    public const int CheckFailed = 1;

    /// <summary>Usage error or bad input: unknown option, missing directory, malformed JSON in a file we would edit (the file is left untouched).</summary>
    public const int UsageOrBadInput = 2;
}
