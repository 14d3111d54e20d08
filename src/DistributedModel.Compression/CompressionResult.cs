namespace DistributedModel.Compression;

/// <summary>What <see cref="OutputCompressor.Compress"/> produced and what it kept.</summary>
/// <param name="Text">The text for the context (the input itself when <paramref name="Changed"/> is false).</param>
/// <param name="Changed">False when the input passed through untouched.</param>
/// <param name="InputBytes">UTF-8 bytes in.</param>
/// <param name="OutputBytes">UTF-8 bytes out (never above the budget when <paramref name="Changed"/>).</param>
/// <param name="InputLines">Lines in.</param>
/// <param name="OutputLines">Lines out (header and markers included).</param>
/// <param name="ElidedLines">Input lines not present in the output.</param>
public sealed record CompressionResult(
    string Text, bool Changed, int InputBytes, int OutputBytes, int InputLines, int OutputLines, int ElidedLines)
{
    /// <summary>How the text was made.</summary>
    public CompressionKind Kind { get; init; }

    /// <summary>Error lines in the input.</summary>
    public int ErrorLines { get; init; }

    /// <summary>Warning lines in the input.</summary>
    public int WarningLines { get; init; }

    /// <summary>Error lines present in the output verbatim (or shortened around their error word).</summary>
    public int KeptErrors { get; init; }

    /// <summary>Warning lines present in the output.</summary>
    public int KeptWarnings { get; init; }

    /// <summary>Kept error and warning lines the model would not have seen without us (beyond
    /// <see cref="CompressionOptions.NativePreviewChars"/>); 0 when there was no preview cut.</summary>
    public int SurfacedDiagnostics { get; init; }

    /// <summary>Of <see cref="SurfacedDiagnostics"/>, the error lines.</summary>
    public int SurfacedErrors { get; init; }

    /// <summary>Of <see cref="SurfacedDiagnostics"/>, the warning lines.</summary>
    public int SurfacedWarnings { get; init; }

    /// <summary>Templates the engine found in a digested output (0 when none was digested).</summary>
    public int Templates { get; init; }

    /// <summary>Kinds of failure (coarse clusters of the error, warning and failure-mention templates) in a digested
    /// log, build or test output, and how many have a line in the result (both 0 when none was digested by severity).</summary>
    public int FailureKinds { get; init; }

    /// <summary>Of <see cref="FailureKinds"/>, those with a line in the result.</summary>
    public int FailureKindsShown { get; init; }

    /// <summary>1 − out/in: 0.8 means 80% fewer bytes.</summary>
    public double Reduction => InputBytes == 0 ? 0 : 1.0 - (double)OutputBytes / InputBytes;
}

/// <summary>How <see cref="OutputCompressor"/> treated an output.</summary>
public enum CompressionKind
{
    /// <summary>Left as it was: small, already ours, or nothing worth changing.</summary>
    Unchanged,

    /// <summary>Fits the budget once terminal escapes and carriage-return rewrites are removed; nothing elided.</summary>
    Cleaned,

    /// <summary>Over budget: header, then summaries, one line of every failure template (errors, warnings, mentions), frames, head/tail and the rest by template.</summary>
    Digest,

    /// <summary>Over budget grep output: grouped by file.</summary>
    Grep,

    /// <summary>Over budget list of paths: grouped by directory.</summary>
    FileList,
}
