using System.Globalization;
using DistributedModel.Compression;
using DistributedModel.Hooks.Runtime;

namespace DistributedModel.Hooks.ToolOutput;

/// <summary>
/// Compresses the string leaves of one tool response under one budget — what the model reads is the whole response, so
/// the leaves share it (stdout and stderr, an MCP result's blocks) in proportion to their size — and keeps the raw text of
/// every leaf it shortened in the <see cref="RawOutputStore"/>, whose path the digest header names. Leaves at or below the
/// pass-through size stay as they are. Tallies bytes and diagnostics for the hooks.log line.
/// </summary>
public sealed class LeafCompressor
{
    private readonly RawOutputStore _store;
    private readonly string _tool;
    private readonly DateTimeOffset _now;
    private readonly CompressionOptions _options;
    private readonly string _workspaceRoot;
    private readonly string? _summarizeTool;
    private readonly List<string> _rawFiles = [];

    /// <param name="options">Budget (for the whole response) and engine settings.</param>
    /// <param name="workspaceRoot">Raw-store paths in the digest hint are given relative to it.</param>
    /// <param name="summarizeTool">The MCP tool name that can digest a raw file (the hint in a hard-cut header), or null.</param>
    public LeafCompressor(RawOutputStore store, string tool, DateTimeOffset now, CompressionOptions? options = null,
        string? workspaceRoot = null, string? summarizeTool = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _tool = tool ?? throw new ArgumentNullException(nameof(tool));
        _now = now;
        _options = options ?? new CompressionOptions();
        _workspaceRoot = workspaceRoot ?? Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(store.Directory))) ?? store.Directory;
        _summarizeTool = summarizeTool;
    }

    /// <summary>Claude Code's preview size when the raw output was over the tool's limit (so it would have shown only that), else null.</summary>
    public int? NativePreviewChars { get; init; }

    /// <summary>UTF-8 bytes of every leaf looked at.</summary>
    public long InputBytes { get; private set; }

    /// <summary>UTF-8 bytes of those leaves after compression (unchanged leaves count in full).</summary>
    public long OutputBytes { get; private set; }

    /// <summary>Number of leaves that were shortened.</summary>
    public int ChangedLeaves { get; private set; }

    /// <summary>Error / warning lines kept in the text that goes on, and those of them the native preview would have hidden.</summary>
    public int KeptErrors { get; private set; }

    public int KeptWarnings { get; private set; }

    public int SurfacedDiagnostics { get; private set; }

    public int SurfacedErrors { get; private set; }

    public int SurfacedWarnings { get; private set; }

    /// <summary>Raw-store files written (or reused) for the shortened leaves.</summary>
    public IReadOnlyList<string> RawFiles => _rawFiles;

    /// <summary>One leaf (a response with a single text).</summary>
    public string? Compress(string text) => CompressAll([text])[0];

    /// <summary>
    /// The replacement of each leaf, or null where the leaf stays as it is. Throws <see cref="FailOpenException"/>
    /// (<c>binary</c>, <c>raw-store-unwritable</c>): then nothing is replaced.
    /// </summary>
    public string?[] CompressAll(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var bytes = new int[texts.Count];
        long fixedBytes = 0, bigBytes = 0;
        for (int i = 0; i < texts.Count; i++)
        {
            bytes[i] = ContentHash.Utf8Length(texts[i]);
            InputBytes += bytes[i];
            if (bytes[i] <= _options.PassThroughBytes) fixedBytes += bytes[i];
            else bigBytes += bytes[i];
        }
        var results = new string?[texts.Count];
        long available = Math.Max(0, _options.BudgetBytes - fixedBytes);
        var pending = new List<(string Path, string Text)>();
        for (int i = 0; i < texts.Count; i++)
        {
            if (bytes[i] <= _options.PassThroughBytes) { OutputBytes += bytes[i]; continue; }
            var text = texts[i];
            if (TextSafety.LooksBinary(text)) throw new FailOpenException("binary");
            long share = bigBytes <= available ? bytes[i] : available * bytes[i] / bigBytes;
            var rawPath = _store.PlanPath(_now, _tool, ContentHash.Of(text));
            string? replacement;
            if (share < CompressionOptions.MinBudgetBytes)
                replacement = Stub(bytes[i], rawPath, share);
            else
            {
                var result = OutputCompressor.Compress(text, _options with
                {
                    BudgetBytes = (int)Math.Min(share, int.MaxValue), FullOutputPath = rawPath, NativePreviewChars = NativePreviewChars,
                    DigestHint = _summarizeTool is null ? null : $"to digest it: {_summarizeTool} with paths [\"{Relative(rawPath)}\"]",
                });
                replacement = result.Changed && result.OutputBytes < bytes[i] ? result.Text : null;
                if (replacement is null) { KeptErrors += result.ErrorLines; KeptWarnings += result.WarningLines; }
                else { KeptErrors += result.KeptErrors; KeptWarnings += result.KeptWarnings; SurfacedDiagnostics += result.SurfacedDiagnostics; SurfacedErrors += result.SurfacedErrors; SurfacedWarnings += result.SurfacedWarnings; }
            }
            if (replacement is null) { OutputBytes += bytes[i]; continue; }
            results[i] = replacement;
            pending.Add((rawPath, text));
            OutputBytes += ContentHash.Utf8Length(replacement);
        }
        Save(pending);
        return results;
    }

    /// <summary>A leaf that gets less than the smallest budget: one line naming its raw file.</summary>
    private static string Stub(int bytes, string rawPath, long share)
    {
        var stub = string.Create(CultureInfo.InvariantCulture, $"[dm: {bytes:N0} bytes elided to fit the context budget · {Markers.FullOutputLabel}{rawPath}]");
        return ContentHash.Utf8Length(stub) <= Math.Max(share, 0) + 200 ? stub : $"[dm: {bytes:N0} bytes elided]";
    }

    /// <summary>Writes the raw texts, then applies retention once, keeping every file this response names — so no
    /// header ever names a file that retention removed (a reused old file included).</summary>
    private void Save(List<(string Path, string Text)> pending)
    {
        if (pending.Count == 0) return;
        try
        {
            foreach (var (path, text) in pending) _store.Save(path, text);
            _store.ApplyRetention(pending.Select(static p => p.Path).ToHashSet(StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FailOpenException("raw-store-unwritable", ex.GetType().Name);
        }
        foreach (var (path, _) in pending)
        {
            if (!File.Exists(path)) throw new FailOpenException("raw-store-unwritable", "raw file missing after save");
            _rawFiles.Add(path);
            ChangedLeaves++;
        }
    }

    private string Relative(string path)
    {
        var rel = Path.GetRelativePath(_workspaceRoot, path);
        return rel.StartsWith("..", StringComparison.Ordinal) ? path : rel.Replace('\\', '/');
    }
}
