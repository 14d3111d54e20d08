using DistributedModel.Hooks.Logging;
using DistributedModel.Core.Logging;
using DistributedModel.Core.Workspace;

namespace DistributedModel.Hooks.Runtime;

/// <summary>Writes the one <c>hooks.log</c> line of a hook call; never throws (a hook must exit 0 even when .claude/ is read-only).</summary>
public static class HookLog
{
    /// <returns>true if the line was written (not when <c>.claude/</c> or <c>hooks.log</c> is a symbolic link).</returns>
    public static bool TryWrite(WorkspacePaths paths, HookLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(paths);
        try
        {
            AtomicAppender.AppendLine(paths.PrepareWrite(paths.HooksLog), HookLogLine.ToUtf8(record));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }
}
