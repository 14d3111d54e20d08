namespace DistributedModel.Core.Logging;

/// <summary>
/// What Claude Code alone would have put into the model's context for one PostToolUse call — the honest baseline of a
/// saving: the raw output when it fits the tool's limit, otherwise the preview Claude Code shows of an output it
/// persisted (its first <see cref="PreviewChars"/> characters; the wrapper around them is not counted, so the baseline
/// errs low and a saving is never inflated). A line without a limit (written before limits were logged) counts its
/// raw bytes, as the report always did.
/// </summary>
public static class NativeContext
{
    /// <summary>What Claude Code shows of an output over its limit (verified with Claude Code 2.1.332).</summary>
    public const int PreviewChars = 2_048;

    /// <summary>Bytes the call would have put into the context without the hook.</summary>
    public static long Bytes(HookLogRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Limit is int limit && call.InputBytes > limit ? Math.Min(call.InputBytes, PreviewChars) : call.InputBytes;
    }
}
