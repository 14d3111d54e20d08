namespace DistributedModel.Compression;

/// <summary>Budgets for <see cref="OutputCompressor"/>. Defaults suit a tool output entering a model's context.</summary>
public sealed record CompressionOptions
{
    /// <summary>Default <see cref="BudgetBytes"/>: 8 KB.</summary>
    public const int DefaultBudgetBytes = 8192;

    /// <summary>Smallest budget honoured (a header and a few lines must fit).</summary>
    public const int MinBudgetBytes = 1024;

    /// <summary>Outputs at or below this many UTF-8 bytes pass through untouched.</summary>
    public int PassThroughBytes { get; init; } = 2048;

    /// <summary>Hard limit of the result in UTF-8 bytes (so also in characters): no input produces more.
    /// Values below <see cref="MinBudgetBytes"/> are raised to it.</summary>
    public int BudgetBytes { get; init; } = DefaultBudgetBytes;

    /// <summary>Lines from the start of the output kept once summaries, errors and warnings are in.</summary>
    public int HeadLines { get; init; } = 10;

    /// <summary>Lines from the end of the output kept once summaries, errors and warnings are in.</summary>
    public int TailLines { get; init; } = 10;

    /// <summary>Lines longer than this (characters) are shortened in the middle, keeping the word that gave them their severity.</summary>
    public int MaxLineChars { get; init; } = 512;

    /// <summary>Stack-frame lines kept with high priority after each error (repeated frames count once).</summary>
    public int FramesPerError { get; init; } = 6;

    /// <summary>Matching lines kept per file (grep) or per directory (file lists) before the rest are counted.</summary>
    public int LinesPerGroup { get; init; } = 8;

    /// <summary>Where the full raw output is kept; the digest header names it so the model can read it.</summary>
    public string? FullOutputPath { get; init; }

    /// <summary>When set and the budget cut hard, the header says this (e.g. which MCP tool can digest the full file).</summary>
    public string? DigestHint { get; init; }

    /// <summary>Characters of the input the model would have seen without us (Claude Code's 2 KB preview of an output
    /// over its limit), or null when it would have seen everything. Kept error/warning lines that start beyond it are
    /// counted in <see cref="CompressionResult.SurfacedDiagnostics"/>.</summary>
    public int? NativePreviewChars { get; init; }

    /// <summary>The words that make a line an error or a warning.</summary>
    public FailureVocabulary Vocabulary { get; init; } = FailureVocabulary.Default;

    internal int EffectiveBudget => Math.Max(MinBudgetBytes, BudgetBytes);
}
