namespace DistributedModel.Compression;

/// <summary>Budgets for <see cref="OutputCompressor"/>. Defaults suit a tool output entering a model's context.</summary>
public sealed record CompressionOptions
{
    /// <summary>Outputs at or below this many UTF-8 bytes pass through untouched.</summary>
    public int PassThroughBytes { get; init; } = 2048;

    /// <summary>Target size of the result. Important lines are always kept, so the result may exceed it when they alone do.</summary>
    public int BudgetBytes { get; init; } = 8192;

    /// <summary>Lines kept from the start when the budget window applies.</summary>
    public int HeadLines { get; init; } = 30;

    /// <summary>Lines kept from the end when the budget window applies.</summary>
    public int TailLines { get; init; } = 30;

    /// <summary>Lines longer than this (characters) are shortened in the middle; the start (where a <c>file:line</c> sits) is kept.</summary>
    public int MaxLineChars { get; init; } = 1024;

    /// <summary>A run of lines sharing one template (differing only in numbers, ids, times, paths) is collapsed from this many on.</summary>
    public int NearRepeatMinRun { get; init; } = 3;

    /// <summary>Where the full raw output is kept; named in every elision marker so the model can read it.</summary>
    public string? FullOutputPath { get; init; }
}
