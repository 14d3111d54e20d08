namespace DistributedModel.Core.Logging;

/// <summary>
/// What Claude Code alone would have put into the model's context for one PostToolUse call — the honest baseline of a
/// saving: the raw output when it fits the tool's limit, otherwise the preview Claude Code shows of an output it
/// persisted (its first <see cref="PreviewChars"/> characters; the wrapper around them is not counted, so the baseline
/// errs low and a saving is never inflated). A Read is never previewed: Claude Code 2.1.332 put a 108 KB log file read
/// whole into the context (with its line numbers, not counted here), whatever the limit the hook logged for it. A line
/// without a limit (written before limits were logged) counts its raw bytes, as the report always did.
/// </summary>
public static class NativeContext
{
    /// <summary>What Claude Code shows of an output over its limit (verified with Claude Code 2.1.332).</summary>
    public const int PreviewChars = 2_048;

    private const string ReadTool = "Read";

    /// <summary>Bytes the call would have put into the context without the hook.</summary>
    public static long Bytes(HookLogRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        bool previewed = call.Tool != ReadTool && call.Limit is int limit && call.InputBytes > limit;
        return previewed ? Math.Min(call.InputBytes, PreviewChars) : call.InputBytes;
    }
}
