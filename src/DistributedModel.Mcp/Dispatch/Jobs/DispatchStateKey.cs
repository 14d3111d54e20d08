using System.Security.Cryptography;

namespace DistributedModel.Mcp.Dispatch.Jobs;

/// <summary>
/// The key <c>state.json</c> files are signed with (HMAC-SHA256), kept in the user's own folder
/// (<c>~/.claude/dm/dispatch-state.key</c>, 32 random bytes, mode 0600), never in a repository. A restarted server trusts
/// only the states this installation wrote: a <c>.claude/dm/dispatch/&lt;id&gt;/state.json</c> committed to a clone is not
/// a job of ours, and its text is never returned to the orchestrator as dm's own result (issue 26.7).
/// </summary>
public sealed class DispatchStateKey
{
    public const string FileName = "dispatch-state.key";
    private const int KeyBytes = 32;
    private readonly byte[] _key;

    private DispatchStateKey(byte[] key) => _key = key;

    /// <summary>Where it came from: the key file, or "memory" when it could not be read or created (then states of an
    /// earlier server are not trusted, which loses their listing, never their files).</summary>
    public string Source { get; private init; } = "memory";

    /// <summary>A key for this process only.</summary>
    public static DispatchStateKey Ephemeral() => new(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>Reads the key file, or creates it (exclusive create, 0600) when it is absent.</summary>
    public static DispatchStateKey Load(string keyFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyFile);
        try
        {
            if (TryRead(keyFile) is { } existing) return new(existing) { Source = keyFile };
            Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
            var key = RandomNumberGenerator.GetBytes(KeyBytes);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(keyFile, options)) stream.Write(key);
            return new(key) { Source = keyFile };
        }
        catch (IOException)
        {
            // Created by another server at the same moment: use that one.
            return TryRead(keyFile) is { } raced ? new(raced) { Source = keyFile } : Ephemeral();
        }
        catch (UnauthorizedAccessException)
        {
            return Ephemeral();
        }
    }

    private static byte[]? TryRead(string keyFile)
    {
        try
        {
            var bytes = Core.Runtime.BoundedFile.Read(keyFile, KeyBytes);
            return bytes.Length == KeyBytes ? bytes : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>Lower-case hex HMAC-SHA256 of <paramref name="content"/>.</summary>
    public string Sign(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, content));

    public bool Verify(ReadOnlySpan<byte> content, string? mac)
    {
        if (mac is not { Length: 64 }) return false;
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(_key, content, expected);
        Span<byte> given = stackalloc byte[32];
        return Convert.FromHexString(mac, given, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
