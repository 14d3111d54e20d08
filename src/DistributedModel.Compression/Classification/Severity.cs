namespace DistributedModel.Compression;

/// <summary>What a line says, from what it says (never from carrying a path). Higher values survive a tight budget first.</summary>
public enum Severity : byte
{
    /// <summary>Chatter: progress, property listings, MSBuild <c>message :</c> lines, INFO/DEBUG records.</summary>
    Other = 0,

    /// <summary>A warning or deprecation.</summary>
    Warning = 1,

    /// <summary>An error, failure, exception, panic, traceback, refusal, timeout, crash, non-zero exit or HTTP 5xx.</summary>
    Error = 2,

    /// <summary>A summary: <c>Build FAILED.</c>, <c>3 failed, 120 passed</c>, <c>2 Error(s)</c>, exit codes.</summary>
    Summary = 3,
}
