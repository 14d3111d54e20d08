using DistributedModel.Compression.Steps;

namespace DistributedModel.Compression;

/// <summary>
/// One pass over an output: lines cleaned of terminal escapes and carriage-return rewrites, each classified (on the
/// whole line, before any shortening), given a template id (shape and class together), marked when it is one of the
/// first stack frames of an error, and priced in UTF-8 bytes as it would be rendered.
/// </summary>
internal sealed class ScannedOutput
{
    public required ReadOnlyMemory<char>[] Lines { get; init; }
    public required int[] Offsets { get; init; }
    public required Severity[] Severities { get; init; }
    public required bool[] Frames { get; init; }
    public required bool[] Definite { get; init; }
    /// <summary>Known noise (<see cref="MsBuildChatter"/>): classified <see cref="Severity.Other"/>, ranked below every other line.</summary>
    public required bool[] Noise { get; init; }
    /// <summary>Template id of each line; -1 for lines that got none (the non-diagnostic lines of a grouped digest).</summary>
    public required int[] Templates { get; init; }
    public required int[] Costs { get; init; }
    public required int TemplateCount { get; init; }
    public required bool EndsWithNewline { get; init; }
    public required long CleanBytes { get; init; }

    public int Count => Lines.Length;

    /// <summary>Splits and cleans only (no classification): enough to decide whether the cleaned text fits. The
    /// classifier is asked only about the segments of lines rewritten with <c>\r</c>, so a line keeps its most severe
    /// state (<see cref="CarriageReturnCollapser"/>); <c>Offsets</c> says where each line starts in the text.</summary>
    public static (List<ReadOnlyMemory<char>> Lines, List<int> Offsets, bool EndsWithNewline, long Bytes) Clean(string text, LineClassifier? classifier = null)
    {
        var offsets = new List<int>(); // sized by StripLines, which counts the lines once
        var lines = AnsiStripper.StripLines(text, out bool endsWithNewline, offsets);
        long bytes = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = CarriageReturnCollapser.FinalState(lines[i], classifier ?? LineClassifier.Default);
            lines[i] = line;
            bytes += Utf8.Count(line.Span) + 1;
        }
        if (!endsWithNewline && bytes > 0) bytes--;
        return (lines, offsets, endsWithNewline, bytes);
    }

    /// <param name="proseFailures">False when failure words in prose are not failures of the program (a git log's commit
    /// messages: "fix binding error …"): such lines are then <see cref="Severity.Other"/>; definite ones still count.</param>
    /// <param name="grouped">For a grouped digest (grep results, path lists), which needs only the definite errors and
    /// warnings and their templates: other lines may be classified <see cref="Severity.Other"/> and get no template.</param>
    public static ScannedOutput Scan(List<ReadOnlyMemory<char>> cleaned, List<int> lineOffsets, bool endsWithNewline, long cleanBytes,
        CompressionOptions options, LineClassifier classifier, bool grouped, bool proseFailures = true)
    {
        int n = cleaned.Count;
        var lines = new ReadOnlyMemory<char>[n];
        var offsets = new int[n];
        var severities = new Severity[n];
        var frames = new bool[n];
        var definite = new bool[n];
        var noise = new bool[n];
        var templates = new int[n];
        var costs = new int[n];
        var ids = new Dictionary<ulong, int>();

        int framesLeft = 0, pythonIndent = -1;
        bool inBlock = false;
        for (int i = 0; i < n; i++)
        {
            offsets[i] = lineOffsets[i];

            var line = cleaned[i];
            var span = line.Span;
            int at = -1;
            bool sure = false;
            var severity = grouped ? classifier.ClassifyDefinite(span, out at, out sure) : classifier.Classify(span, out at, out sure);
            if (!grouped && !sure && MsBuildChatter.Is(span)) { noise[i] = true; severity = Severity.Other; at = -1; }
            else if (!proseFailures && !sure && severity is Severity.Error or Severity.Warning) { severity = Severity.Other; at = -1; }
            bool frame = false;
            if (severity == Severity.Error || StackFrame.OpensTrace(span)) { inBlock = true; framesLeft = options.FramesPerError; pythonIndent = -1; }
            else if (inBlock && (StackFrame.Is(span) || pythonIndent >= 0 && Indent(span) > pythonIndent))
            {
                if (StackFrame.IsPythonFrame(span)) pythonIndent = Indent(span);
                frame = framesLeft-- > 0;
            }
            else if (!span.IsWhiteSpace()) { inBlock = false; pythonIndent = -1; }
            severities[i] = severity;
            frames[i] = frame;
            definite[i] = sure;

            // Definite diagnostics keep their quoted names in the template ('totl' and 'missingValue' are two errors);
            // everything else is grouped by shape alone. The class is part of the template. Grouped digests use
            // templates only to count kinds of errors and warnings: the other lines of a grep result get none (-1).
            bool diagnostic = sure && severity is Severity.Error or Severity.Warning;
            if (!grouped || severity is Severity.Error or Severity.Warning)
            {
                ulong key = TemplateHash.Of(span, maskQuoted: !diagnostic) ^ ((ulong)severity * 0x9E3779B97F4A7C15UL)
                    ^ (frame ? 0xC2B2AE3D27D4EB4FUL : 0) ^ (sure ? 0x165667B19E3779F9UL : 0);
                if (!ids.TryGetValue(key, out int id)) ids[key] = id = ids.Count;
                templates[i] = id;
            }
            else templates[i] = -1;

            if (line.Length > options.MaxLineChars) line = LongLineShortener.Shorten(line, options.MaxLineChars, at);
            lines[i] = line;
            costs[i] = Utf8.Count(line.Span) + 1;
        }
        return new ScannedOutput
        {
            Lines = lines, Offsets = offsets, Severities = severities, Frames = frames, Definite = definite, Noise = noise, Templates = templates, Costs = costs,
            TemplateCount = ids.Count, EndsWithNewline = endsWithNewline, CleanBytes = cleanBytes,
        };
    }

    private static int Indent(ReadOnlySpan<char> s)
    {
        int k = 0;
        while (k < s.Length && s[k] is ' ' or '\t') k++;
        return k == s.Length ? -1 : k;
    }
}
