using System.Text;
using System.Text.Json.Serialization;

namespace DistributedModel.Cli.Json;

/// <summary>
/// A configuration file as it was before we first edited it, byte for byte (BOM and line endings included):
/// lets uninstall give back the exact original.
/// </summary>
public sealed record FileSnapshot(bool Existed, string? Base64)
{
    public static FileSnapshot Take(string path) =>
        File.Exists(path) ? new FileSnapshot(true, Convert.ToBase64String(File.ReadAllBytes(path))) : new FileSnapshot(false, null);

    [JsonIgnore]
    public byte[]? Bytes => Base64 is null ? null : Convert.FromBase64String(Base64);

    /// <summary>The content as text (a UTF-8 BOM is skipped).</summary>
    [JsonIgnore]
    public string? Text
    {
        get
        {
            var b = Bytes;
            if (b is null) return null;
            var span = b.AsSpan();
            if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[Encoding.UTF8.Preamble.Length..];
            return Encoding.UTF8.GetString(span);
        }
    }
}
