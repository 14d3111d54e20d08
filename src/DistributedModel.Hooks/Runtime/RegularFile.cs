using DistributedModel.Core.Runtime;

namespace DistributedModel.Hooks.Runtime;

/// <summary>The hooks' file reads: <see cref="BoundedFile"/> (regular, bounded, never through a link as the last
/// component), with its refusals as <see cref="FailOpenException"/> so the hook passes the output through.</summary>
public static class RegularFile
{
    /// <summary>The file's bytes. Throws <see cref="FailOpenException"/>: <c>not-a-file</c>, <c>too-large</c>, <c>unreadable</c>.</summary>
    public static byte[] Read(string path, long maxBytes)
    {
        try
        {
            return BoundedFile.Read(path, maxBytes);
        }
        catch (BoundedFileException ex)
        {
            throw new FailOpenException(ex.Reason == "absent" ? "unreadable" : ex.Reason, ex.Reason == "absent" ? "open failed (no such file)" : ex.Detail);
        }
    }
}
