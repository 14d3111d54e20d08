namespace DistributedModel.Compression;

/// <summary>
/// The lines the compressor inserts. They all start with <c>[… </c> so a later pass (and the model) recognises them;
/// a marker is never collapsed or elided again, which keeps compression idempotent.
/// </summary>
public static class Markers
{
    /// <summary>Every marker starts with this.</summary>
    public const string Prefix = "[… ";

    /// <summary>Text that precedes the raw-output path in an elision marker.</summary>
    public const string FullOutputLabel = " — full output: ";

    /// <summary><c>[… N lines elided — full output: PATH]</c></summary>
    public static string Elided(int lines, string? fullOutputPath) =>
        fullOutputPath is null ? $"[… {lines} lines elided]" : $"[… {lines} lines elided{FullOutputLabel}{fullOutputPath}]";

    /// <summary>Placed after the first exemplar of a collapsed near-repeat template.</summary>
    public static string Similar(int lines) => $"[… {lines} similar lines collapsed; last one below]";

    /// <summary>Replaces passing-test lines.</summary>
    public static string PassingTests(int lines) => $"[… {lines} passing test lines collapsed]";

    /// <summary>Suffix for exact repeats: <c>line  [×N]</c>.</summary>
    public static string RepeatSuffix(int count) => $"  [×{count}]";

    /// <summary>Inserted in the middle of an over-long line.</summary>
    public static string CharsElided(int chars) => $" [… {chars} chars elided] ";

    public static bool IsMarker(string line) => IsMarker(line.AsSpan());

    public static bool IsMarker(ReadOnlySpan<char> line) => line.StartsWith(Prefix, StringComparison.Ordinal);
}
