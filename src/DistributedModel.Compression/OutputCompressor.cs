using System.Text;
using DistributedModel.Compression.Steps;

namespace DistributedModel.Compression;

/// <summary>
/// Deterministic compression of tool output before it enters a model's context:
/// ANSI strip → carriage-return collapse → over-long line shortening → blank-run collapse → exact repeats
/// (<c>line  [×N]</c>) → passing-test collapse → near-repeat templates → (still over budget) head/tail window plus every
/// important line, with <c>[… N lines elided — full output: PATH]</c> markers.
/// Important lines (errors, warnings, failures, <c>file:line</c> references, summaries) always survive.
/// The pipeline is run to a fixed point, so <c>Compress(Compress(x).Text) == Compress(x)</c>.
/// </summary>
public static class OutputCompressor
{
    private const int MaxPasses = 4;

    public static CompressionResult Compress(string text, CompressionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new CompressionOptions();
        int inBytes = Encoding.UTF8.GetByteCount(text);
        int inLines = CountLines(text);
        if (inBytes <= options.PassThroughBytes)
            return new CompressionResult(text, false, inBytes, inBytes, inLines, inLines, 0, 0);

        var current = text;
        PassResult pass = default;
        for (int i = 0; i < MaxPasses; i++)
        {
            pass = RunPass(current, options);
            if (string.Equals(pass.Text, current, StringComparison.Ordinal)) break;
            current = pass.Text;
        }

        bool changed = !string.Equals(current, text, StringComparison.Ordinal);
        int elided = changed ? Math.Max(0, inLines - (CountLines(current) - pass.Markers)) : 0;
        current = NameFullOutput(current, elided, options.FullOutputPath);
        int outBytes = Encoding.UTF8.GetByteCount(current);
        return new CompressionResult(current, changed, inBytes, outBytes, inLines, CountLines(current), elided, pass.Important);
    }

    /// <summary>
    /// Whenever lines were dropped (collapsed repeats included) and no elision marker names the full output yet, one
    /// closing marker does, so the model always learns where the raw text is. Already-named outputs are left alone
    /// (idempotence).
    /// </summary>
    private static string NameFullOutput(string text, int elided, string? fullOutputPath)
    {
        if (elided == 0 || fullOutputPath is null || text.Contains(Markers.FullOutputLabel, StringComparison.Ordinal)) return text;
        var marker = Markers.Elided(elided, fullOutputPath);
        return text.EndsWith('\n') ? text + marker + "\n" : text + "\n" + marker;
    }

    private readonly record struct PassResult(string Text, int Important, int Markers);

    private static PassResult RunPass(string text, CompressionOptions options)
    {
        var lines = AnsiStripper.StripLines(text, out bool endsWithNewline);
        for (int i = 0; i < lines.Count; i++)
            lines[i] = LongLineShortener.Shorten(CarriageReturnCollapser.FinalState(lines[i]), options.MaxLineChars);

        lines = ExactRepeatCollapser.Collapse(BlankRunCollapser.Collapse(lines));

        var classified = new List<Line>(lines.Count);
        foreach (var l in lines) classified.Add(Line.Classify(l));

        classified = PassingTestCollapser.Collapse(classified);
        classified = NearRepeatCollapser.Collapse(classified, options.NearRepeatMinRun);
        if (ByteCount(classified) > options.BudgetBytes)
            classified = BudgetWindow.Apply(classified, options.HeadLines, options.TailLines, options.FullOutputPath, out _);

        var sb = new StringBuilder(Math.Min(text.Length, options.BudgetBytes * 2));
        int important = 0, markers = 0;
        for (int i = 0; i < classified.Count; i++)
        {
            var line = classified[i];
            if (line.Important) { if (Markers.IsMarker(line.Chars.Span)) markers++; else important++; }
            if (i > 0) sb.Append('\n');
            sb.Append(line.Chars);
        }
        if (endsWithNewline && classified.Count > 0) sb.Append('\n');
        return new PassResult(sb.ToString(), important, markers);
    }

    private static int ByteCount(List<Line> lines)
    {
        int total = 0;
        foreach (var l in lines) total += Encoding.UTF8.GetByteCount(l.Chars.Span) + 1;
        return total;
    }

    private static int CountLines(string text)
    {
        if (text.Length == 0) return 0;
        int n = text.AsSpan().Count('\n');
        return text.EndsWith('\n') ? n : n + 1;
    }
}
