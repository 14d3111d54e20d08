using DistributedModel.Hooks.Logging;
using DistributedModel.Core.Logging;

namespace DistributedModel.Hooks.Runtime;

/// <summary>Writes the one <c>hooks.log</c> line of a hook call; never throws (a hook must exit 0 even when .claude/ is read-only).</summary>
public static class HookLog
{
    /// <returns>true if the line was written.</returns>
    public static bool TryWrite(string logPath, HookLogRecord record)
    {
        try
        {
            AtomicAppender.AppendLine(logPath, HookLogLine.ToUtf8(record));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }
}
