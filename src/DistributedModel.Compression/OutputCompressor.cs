using System.Text;
using DistributedModel.Compression.Selection;
using DistributedModel.Compression.Steps;

namespace DistributedModel.Compression;

/// <summary>
/// Deterministic, budgeted compression of tool output before it enters a model's context. The result is never larger
/// than <see cref="CompressionOptions.BudgetBytes"/>:
/// <list type="bullet">
/// <item>small outputs, and our own digests, pass through untouched;</item>
/// <item>an output that fits once terminal escapes and carriage-return rewrites are gone is returned cleaned;</item>
/// <item>anything larger becomes a digest: a header saying what came in and what was kept, then the lines that matter
/// most (summaries, then one line of every distinct error, warning and failure-mention template, their frames and what
/// varies across them, head and tail, then further instances and one exemplar per other template), each in
/// place, with counts for the lines like them and markers for the gaps (<see cref="SeverityDigest"/>); grep results and
/// path lists are grouped by file or directory instead (<see cref="GroupedListDigest"/>).</item>
/// </list>
/// One pass over the lines; idempotent because a digest recognises its own header.
/// </summary>
public static class OutputCompressor
{
    /// <summary>Budget left for the header's own growth between pricing and rendering (numbers only get shorter).</summary>
    private const int HeaderSlack = 16;

    public static CompressionResult Compress(string text, CompressionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new CompressionOptions();
        int inBytes = Utf8.Count(text);
        int inLines = CountLines(text);
        int budget = options.EffectiveBudget;
        if (inBytes <= options.PassThroughBytes || inBytes <= budget && Markers.StartsWithHeader(text))
            return Unchanged(text, inBytes, inLines);

        var classifier = ReferenceEquals(options.Vocabulary, FailureVocabulary.Default) ? LineClassifier.Default : new LineClassifier(options.Vocabulary);
        var (cleaned, offsets, endsWithNewline, cleanBytes) = ScannedOutput.Clean(text, classifier);
        var shape = cleanBytes <= budget ? CompressionKind.Cleaned : OutputShape.Detect(cleaned);
        bool grouped = shape is CompressionKind.Grep or CompressionKind.FileList;
        // A git log's commit messages name failures ("fix binding error …") that are not the command's.
        var scan = ScannedOutput.Scan(cleaned, offsets, endsWithNewline, cleanBytes, options, classifier, grouped, proseFailures: grouped || !OutputShape.IsGitLog(cleaned));
        var (counted, errors, errorKinds, warnings, warningKinds) = Diagnostics(scan, definiteOnly: grouped);

        if (shape == CompressionKind.Cleaned)
        {
            // Fits once cleaned: worth it only when the cleaning saved a tenth (else the exact text is better).
            if (cleanBytes * 10 > (long)inBytes * 9) return Unchanged(text, inBytes, inLines) with { ErrorLines = errors, WarningLines = warnings, KeptErrors = errors, KeptWarnings = warnings };
            var clean = Join(cleaned, endsWithNewline);
            var (cleanSurfacedErrors, cleanSurfacedWarnings) = Surfaced(scan, counted, options, null);
            return new CompressionResult(clean, true, inBytes, Utf8.Count(clean), inLines, CountLines(clean), 0)
            {
                Kind = CompressionKind.Cleaned, ErrorLines = errors, WarningLines = warnings, KeptErrors = errors, KeptWarnings = warnings,
                SurfacedDiagnostics = cleanSurfacedErrors + cleanSurfacedWarnings, SurfacedErrors = cleanSurfacedErrors, SurfacedWarnings = cleanSurfacedWarnings,
            };
        }

        bool hard = inBytes > 4L * budget;
        var facts = new DigestHeader.Facts(inBytes, inLines, budget, scan.Count)
        {
            // Priced from above: "(k kinds, s shown)" is reserved even if everything ends up shown.
            // Grouped results do not print counts: grep matches are search hits, not a program's diagnostics.
            Errors = grouped ? 0 : errors, ErrorKinds = errorKinds, ErrorsShown = grouped ? 0 : Math.Max(0, errors - 1),
            Warnings = grouped ? 0 : warnings, WarningKinds = warningKinds, WarningsShown = grouped ? 0 : Math.Max(0, warnings - 1), FullOutputPath = options.FullOutputPath, DigestHint = hard ? options.DigestHint : null,
            Grouping = grouped ? Grouping(shape, int.MaxValue / 2, int.MaxValue / 2, scan.Count) : null,
        };
        long bodyBudget = budget - Utf8.Count(DigestHeader.Render(facts)) - 1 - HeaderSlack;

        string body;
        int elided, failureKinds = 0, failureKindsShown = 0;
        bool[] selected;
        if (grouped)
        {
            (body, elided, int groups, int shown, selected) = GroupedListDigest.Build(scan, counted, bodyBudget, options, shape == CompressionKind.Grep);
            facts = facts with { Grouping = Grouping(shape, groups, shown, scan.Count) };
        }
        else
        {
            var digest = SeverityDigest.Build(scan, bodyBudget, options);
            if (digest.FailureKindsShown < digest.FailureKinds)
            {
                // Failure kinds were left out: the header says how many and how to find the first. When that no longer
                // fits, the body is chosen again with room for the longest such text (rare: only outputs too rich for
                // the budget pay for a second selection).
                // The pricing facts are upper bounds (every line elided, the whole budget out), so this header is too.
                var withLeftOut = LeftOut(facts, digest, scan, options);
                if (Utf8.Count(digest.Body) + 1 + Utf8.Count(DigestHeader.Render(withLeftOut)) > budget)
                {
                    digest = SeverityDigest.Build(scan, bodyBudget - LeftOutHint.MaxBytes(options.FullOutputPath), options);
                    withLeftOut = LeftOut(facts, digest, scan, options);
                }
                facts = withLeftOut;
            }
            (body, elided, selected, failureKinds, failureKindsShown) = (digest.Body, digest.Elided, digest.Selected, digest.FailureKinds, digest.FailureKindsShown);
        }
        int keptErrors = Kept(counted, selected, Severity.Error), keptWarnings = Kept(counted, selected, Severity.Warning);
        if (!grouped) facts = facts with { ErrorsShown = keptErrors, WarningsShown = keptWarnings };
        if (!endsWithNewline && body.EndsWith('\n')) body = body[..^1];
        facts = facts with { Elided = elided };
        int bodyBytes = Utf8.Count(body);
        var header = DigestHeader.Render(facts with { OutBytes = bodyBytes + 1 + budget });
        header = DigestHeader.Render(facts with { OutBytes = bodyBytes + 1 + Utf8.Count(header) });
        var result = string.Concat(header, "\n", body);
        int outBytes = Utf8.Count(result);
        if (outBytes > budget) throw new InvalidOperationException($"digest of {outBytes} bytes exceeds its {budget}-byte budget (header {Utf8.Count(header)}, body {bodyBytes}, bodyBudget {bodyBudget}, kind {shape})"); // priced from above: unreachable
        var (surfacedErrors, surfacedWarnings) = Surfaced(scan, counted, options, selected);
        return new CompressionResult(result, true, inBytes, outBytes, inLines, CountLines(result), elided)
        {
            Kind = shape, ErrorLines = errors, WarningLines = warnings,
            KeptErrors = keptErrors, KeptWarnings = keptWarnings,
            Templates = scan.TemplateCount, FailureKinds = failureKinds, FailureKindsShown = failureKindsShown,
            SurfacedDiagnostics = surfacedErrors + surfacedWarnings, SurfacedErrors = surfacedErrors, SurfacedWarnings = surfacedWarnings,
        };
    }

    private static DigestHeader.Facts LeftOut(DigestHeader.Facts facts, SeverityDigest.Result digest, ScannedOutput scan, CompressionOptions options) => facts with
    {
        FailureKinds = digest.FailureKinds, FailureKindsShown = digest.FailureKindsShown,
        LeftOut = options.FullOutputPath is null || digest.FirstLeftOut < 0 ? null : LeftOutHint.Grep(scan.Lines[digest.FirstLeftOut].Span, options.FullOutputPath),
    };

    private static string Grouping(CompressionKind shape, int groups, int shown, int lines) => shape == CompressionKind.Grep
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"grep: {lines:N0} lines in {groups:N0} files, {(shown == groups ? "every file listed" : $"{shown:N0} shown, the rest counted")}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lines:N0} paths in {groups:N0} directories, {(shown == groups ? "every directory listed" : $"{shown:N0} shown, the rest counted")}");

    /// <summary>Which lines count as errors and warnings. When an output has definite diagnostics (a compiler's
    /// <c>error CS0103:</c>, a record's <c>ERROR</c> level) only those count: a build with 2 errors says "2 errors",
    /// not 2 plus every "could not" in its chatter. In grep results and path lists only definite ones count: a grep for
    /// "error" over source code is not 300 errors.</summary>
    private static (Severity[] Counted, int Errors, int ErrorKinds, int Warnings, int WarningKinds) Diagnostics(ScannedOutput scan, bool definiteOnly)
    {
        bool definiteErrors = definiteOnly, definiteWarnings = definiteOnly;
        for (int i = 0; i < scan.Count; i++)
        {
            if (!scan.Definite[i]) continue;
            definiteErrors |= scan.Severities[i] == Severity.Error;
            definiteWarnings |= scan.Severities[i] == Severity.Warning;
        }
        var counted = new Severity[scan.Count];
        var errorKinds = new HashSet<int>();
        var warningKinds = new HashSet<int>();
        int errors = 0, warnings = 0;
        for (int i = 0; i < scan.Count; i++)
        {
            var s = scan.Severities[i];
            if (s == Severity.Error && (scan.Definite[i] || !definiteErrors)) { counted[i] = s; errors++; errorKinds.Add(scan.Templates[i]); }
            else if (s == Severity.Warning && (scan.Definite[i] || !definiteWarnings)) { counted[i] = s; warnings++; warningKinds.Add(scan.Templates[i]); }
        }
        return (counted, errors, errorKinds.Count, warnings, warningKinds.Count);
    }

    private static int Kept(Severity[] counted, bool[]? selected, Severity severity)
    {
        int n = 0;
        for (int i = 0; i < counted.Length; i++) if (counted[i] == severity && (selected is null || selected[i])) n++;
        return n;
    }

    /// <summary>Counted error and warning lines in the result (all of them when <paramref name="selected"/> is null) that
    /// start beyond the native preview.</summary>
    private static (int Errors, int Warnings) Surfaced(ScannedOutput scan, Severity[] counted, CompressionOptions options, bool[]? selected)
    {
        if (options.NativePreviewChars is not { } preview) return (0, 0);
        int errors = 0, warnings = 0;
        for (int i = 0; i < scan.Count; i++)
        {
            if (scan.Offsets[i] < preview || selected is not null && !selected[i]) continue;
            if (counted[i] == Severity.Error) errors++;
            else if (counted[i] == Severity.Warning) warnings++;
        }
        return (errors, warnings);
    }

    private static CompressionResult Unchanged(string text, int bytes, int lines) =>
        new(text, false, bytes, bytes, lines, lines, 0) { Kind = CompressionKind.Unchanged };

    private static string Join(List<ReadOnlyMemory<char>> lines, bool endsWithNewline)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < lines.Count; i++)
        {
            if (i > 0) sb.Append('\n');
            sb.Append(lines[i].Span);
        }
        if (endsWithNewline) sb.Append('\n');
        return sb.ToString();
    }

    internal static int CountLines(string text)
    {
        if (text.Length == 0) return 0;
        int n = text.AsSpan().Count('\n');
        return text.EndsWith('\n') ? n : n + 1;
    }
}
