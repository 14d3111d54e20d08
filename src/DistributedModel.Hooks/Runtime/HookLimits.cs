namespace DistributedModel.Hooks.Runtime;

/// <summary>Hard limits that make a hook fail open instead of spending seconds or memory.</summary>
public static class HookLimits
{
    /// <summary>Largest stdin document a hook parses (16 MiB); anything bigger fails open as <c>too-large</c>.</summary>
    public const int MaxStdinBytes = 16 * 1024 * 1024;

    /// <summary>Largest file behind Bash's <c>persistedOutputPath</c> the hook reads (16 MiB).</summary>
    public const long MaxPersistedOutputBytes = 16L * 1024 * 1024;
}
