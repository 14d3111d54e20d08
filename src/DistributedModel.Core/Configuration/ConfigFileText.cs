using DistributedModel.Core.Runtime;

namespace DistributedModel.Core.Configuration;

/// <summary>
/// The one way <c>dm.json</c> (the user's or a project's) is read: a regular file of at most <see cref="MaxBytes"/>, read
/// without waiting (a FIFO never hangs a hook), links followed (users keep dotfiles in a repository of their own) but the
/// target must still be a regular file. A project can commit <c>.claude/dm.json -> /dev/zero</c>: that is refused after one
/// small read instead of filling memory. A UTF-8 byte order mark is skipped.
/// </summary>
public static class ConfigFileText
{
    public const int MaxBytes = 1024 * 1024;

    /// <returns>The file's UTF-8 bytes without a BOM, or null when there is no such file.</returns>
    /// <exception cref="BoundedFileException">Not a regular file, over 1 MiB or unreadable; the message names the file.</exception>
    public static byte[]? ReadBytes(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = BoundedFile.Read(path, MaxBytes, followLinks: true);
        }
        catch (BoundedFileException ex) when (ex.Reason == "absent")
        {
            return null;
        }
        catch (BoundedFileException ex)
        {
            throw new BoundedFileException(ex.Reason, ex.Reason switch
            {
                "too-large" => $"{path} is over the {MaxBytes / 1024 / 1024} MiB limit of a configuration file ({ex.Detail})",
                "not-a-file" => $"{path} is not a regular file ({ex.Detail})",
                _ => $"{path} cannot be read ({ex.Detail})",
            });
        }
        return bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
    }
}
