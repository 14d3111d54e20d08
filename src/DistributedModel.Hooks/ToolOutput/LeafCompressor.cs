using DistributedModel.Compression;
using DistributedModel.Hooks.Runtime;

namespace DistributedModel.Hooks.ToolOutput;

/// <summary>
/// Compresses the string leaves of one tool response and keeps the raw text of every leaf it shortened in the
/// <see cref="RawOutputStore"/>, whose path the elision marker names. Tallies bytes in/out for the hooks.log line.
/// </summary>
public sealed class LeafCompressor
{
    private readonly RawOutputStore _store;
    private readonly string _tool;
    private readonly DateTimeOffset _now;
    private readonly CompressionOptions _options;
    private readonly List<string> _rawFiles = [];

    public LeafCompressor(RawOutputStore store, string tool, DateTimeOffset now, CompressionOptions? options = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _tool = tool ?? throw new ArgumentNullException(nameof(tool));
        _now = now;
        _options = options ?? new CompressionOptions();
    }

    /// <summary>UTF-8 bytes of every leaf looked at.</summary>
    public long InputBytes { get; private set; }

    /// <summary>UTF-8 bytes of those leaves after compression (unchanged leaves count in full).</summary>
    public long OutputBytes { get; private set; }

    /// <summary>Number of leaves that were shortened.</summary>
    public int ChangedLeaves { get; private set; }

    /// <summary>Raw-store files written (or reused) for the shortened leaves.</summary>
    public IReadOnlyList<string> RawFiles => _rawFiles;

    /// <summary>
    /// Returns the compressed text, or null when <paramref name="text"/> stays as it is.
    /// Throws <see cref="FailOpenException"/> (<c>binary</c>, <c>raw-store-unwritable</c>).
    /// </summary>
    public string? Compress(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int bytes = ContentHash.Utf8Length(text);
        InputBytes += bytes;
        if (bytes <= _options.PassThroughBytes)
        {
            OutputBytes += bytes;
            return null;
        }
        if (TextSafety.LooksBinary(text)) throw new FailOpenException("binary");

        var rawPath = _store.PlanPath(_now, _tool, ContentHash.Of(text));
        var result = OutputCompressor.Compress(text, _options with { FullOutputPath = rawPath });
        if (!result.Changed || result.OutputBytes >= bytes)
        {
            OutputBytes += bytes;
            return null;
        }
        try
        {
            _store.Save(rawPath, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FailOpenException("raw-store-unwritable", ex.GetType().Name);
        }
        _rawFiles.Add(rawPath);
        ChangedLeaves++;
        OutputBytes += result.OutputBytes;
        return result.Text;
    }
}
