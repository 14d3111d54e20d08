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

        int outBytes = Encoding.UTF8.GetByteCount(current);
        int outLines = CountLines(current);
        bool changed = !string.Equals(current, text, StringComparison.Ordinal);
        return new CompressionResult(current, changed, inBytes, outBytes, inLines, outLines,
            ElidedLines: changed ? Math.Max(0, inLines - (outLines - pass.Markers)) : 0, ImportantLines: pass.Important);
    }

    private readonly record struct PassResult(string Text, int Important, int Markers);

    private static PassResult RunPass(string text, CompressionOptions options)
    {
        text = AnsiStripper.Strip(text);
        bool endsWithNewline = text.EndsWith('\n');
        var raw = text.Split('\n');
        int count = endsWithNewline ? raw.Length - 1 : raw.Length;
        var lines = new List<string>(count);
        for (int i = 0; i < count; i++)
            lines.Add(LongLineShortener.Shorten(CarriageReturnCollapser.FinalState(raw[i]), options.MaxLineChars));

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
            if (line.Important) { if (Markers.IsMarker(line.Text)) markers++; else important++; }
            if (i > 0) sb.Append('\n');
            sb.Append(line.Text);
        }
        if (endsWithNewline && classified.Count > 0) sb.Append('\n');
        return new PassResult(sb.ToString(), important, markers);
    }

    private static int ByteCount(List<Line> lines)
    {
        int total = 0;
        foreach (var l in lines) total += Encoding.UTF8.GetByteCount(l.Text) + 1;
        return total;
    }

    private static int CountLines(string text)
    {
        if (text.Length == 0) return 0;
        int n = text.AsSpan().Count('\n');
        return text.EndsWith('\n') ? n : n + 1;
    }
}
