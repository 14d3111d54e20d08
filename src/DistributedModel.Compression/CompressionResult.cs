namespace DistributedModel.Compression;

/// <summary>What <see cref="OutputCompressor.Compress"/> produced and how much it kept.</summary>
/// <param name="Text">The compressed text (the input itself when <paramref name="Changed"/> is false).</param>
/// <param name="Changed">False when the input passed through untouched.</param>
/// <param name="InputBytes">UTF-8 bytes in.</param>
/// <param name="OutputBytes">UTF-8 bytes out.</param>
/// <param name="InputLines">Lines in.</param>
/// <param name="OutputLines">Lines out (markers included).</param>
/// <param name="ElidedLines">Input lines not present in the output (collapsed repeats, elided spans).</param>
/// <param name="ImportantLines">Lines classified important (errors, warnings, file:line references, summaries) — all kept.</param>
public sealed record CompressionResult(
    string Text, bool Changed, int InputBytes, int OutputBytes, int InputLines, int OutputLines, int ElidedLines, int ImportantLines)
{
    /// <summary>1 − out/in: 0.8 means 80% fewer bytes.</summary>
    public double Reduction => InputBytes == 0 ? 0 : 1.0 - (double)OutputBytes / InputBytes;
}
