using System.Text.Json;

namespace DistributedModel.Mcp.Dispatch.Jobs;

/// <summary>
/// Reads and writes <c>state.json</c>. A write goes to a temporary file in the same folder, which is then renamed over
/// the old one (rename is atomic on one file system), so a reader — or a restarted server — sees the old or the new
/// state, never half of one.
/// </summary>
public static class DispatchStateFile
{
    public const string FileName = "state.json";

    /// <summary>state.json files larger than this are not read (they are written by us and stay far below it).</summary>
    public const int MaxBytes = 64 * 1024;

    public static void Write(string directory, DispatchJobState state, DispatchStateKey key)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(key);
        Directory.CreateDirectory(directory); // made confined by DispatchService.PrepareJobDirectory; here only for tests' folders
        var target = Path.Combine(directory, FileName);
        var temp = Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
                stream.Write(Signed(state, key));
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static byte[] Unsigned(DispatchJobState state) =>
        JsonSerializer.SerializeToUtf8Bytes(state with { Mac = null }, DispatchArtifactJsonContext.Default.DispatchJobState);

    private static byte[] Signed(DispatchJobState state, DispatchStateKey key) =>
        JsonSerializer.SerializeToUtf8Bytes(state with { Mac = key.Sign(Unsigned(state)) }, DispatchArtifactJsonContext.Default.DispatchJobState);

    /// <summary>The state in <paramref name="directory"/>, or null when there is none, it is unreadable, or it was not
    /// written by this installation (its signature does not match <paramref name="key"/>).</summary>
    public static DispatchJobState? TryRead(string directory, DispatchStateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var path = Path.Combine(directory, FileName);
        try
        {
            // Bounded, regular, not through a link: a committed state.json can be a FIFO link or /dev/zero.
            var state = JsonSerializer.Deserialize(Core.Runtime.BoundedFile.Read(path, MaxBytes), DispatchArtifactJsonContext.Default.DispatchJobState);
            return state is { Id.Length: > 0, State.Length: > 0 } && key.Verify(Unsigned(state), state.Mac) ? state : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
