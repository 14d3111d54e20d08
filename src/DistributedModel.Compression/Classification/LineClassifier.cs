using System.Text.RegularExpressions;

namespace DistributedModel.Compression;

/// <summary>
/// Gives a line its <see cref="Severity"/> from what it says: summaries first (a summary that counts failures is a
/// summary, not a failure), then the error vocabulary, identifiers ending in <c>Error</c>/<c>Exception</c> before a colon,
/// HTTP 5xx statuses, then the warning vocabulary. A <c>file:line</c> reference alone gives no severity: an MSBuild
/// <c>message :</c> line with three paths is chatter.
/// <para>An error or warning is <em>definite</em> when it is a diagnostic by format — a compiler's
/// <c>error CS0103:</c>, <c>file.c:3:5: error:</c>, <c>error[E0308]:</c>, a leading <c>error:</c>/<c>fatal:</c>/<c>npm ERR!</c>,
/// a log record's level token (<c>ERROR</c>, <c>WARN</c>), an exception name, a traceback — and only
/// <em>mentioned</em> when a word in prose made it one (<c>Could not determine winner…</c>). Definite ones rank first.</para>
/// </summary>
public sealed partial class LineClassifier
{
    private readonly VocabularyMatcher _errors;
    private readonly VocabularyMatcher _warnings;

    public LineClassifier(FailureVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _errors = new VocabularyMatcher(vocabulary.ErrorTerms, vocabulary.ErrorLevels);
        _warnings = new VocabularyMatcher(vocabulary.WarningTerms, vocabulary.WarningLevels);
    }

    /// <summary>The classifier of <see cref="FailureVocabulary.Default"/>.</summary>
    public static LineClassifier Default { get; } = new(FailureVocabulary.Default);

    /// <summary>The severity of <paramref name="line"/>.</summary>
    public Severity Classify(ReadOnlySpan<char> line) => Classify(line, out _, out _);

    /// <summary>As <see cref="Classify(ReadOnlySpan{char})"/>; <paramref name="at"/> is where the deciding word starts
    /// (-1 for summaries and chatter), so a shortened long line can keep it; <paramref name="definite"/> says whether the
    /// line is a diagnostic by its format rather than by a word in prose.</summary>
    public Severity Classify(ReadOnlySpan<char> line, out int at, out bool definite)
    {
        at = -1;
        definite = false;
        if (line.IsEmpty) return Severity.Other;
        if (SummaryLine.Is(line)) { definite = true; return Severity.Summary; }
        if ((at = _errors.Find(line, out bool level)) >= 0) { definite = level || IsDiagnosticFormat(line); return Severity.Error; }
        if ((at = ExceptionName.Find(line)) >= 0) { definite = true; return Severity.Error; }
        if ((at = HttpServerError.Find(line)) >= 0) { definite = true; return Severity.Error; }
        if ((at = _warnings.Find(line, out level)) >= 0) { definite = level || IsDiagnosticFormat(line); return Severity.Warning; }
        return Severity.Other;
    }

    /// <summary>
    /// As <see cref="Classify(ReadOnlySpan{char}, out int, out bool)"/> for a line that is a definite error or warning;
    /// any other line may come back as <see cref="Severity.Other"/>. For grep results and path lists, where only
    /// definite diagnostics count: most lines then skip the summary check, which cannot make a line one.
    /// </summary>
    public Severity ClassifyDefinite(ReadOnlySpan<char> line, out int at, out bool definite)
    {
        at = -1;
        definite = false;
        if (line.IsEmpty) return Severity.Other;
        if (_errors.Find(line, out bool level) >= 0)
        {
            // Classify returns the summary, or this error, which is definite only so.
            if (!level && !IsDiagnosticFormat(line)) return Severity.Other;
        }
        else if (ExceptionName.Find(line) < 0 && HttpServerError.Find(line) < 0
            && (_warnings.Find(line, out level) < 0 || !level && !IsDiagnosticFormat(line)))
            return Severity.Other;
        return Classify(line, out at, out definite);
    }

    private static bool IsDiagnosticFormat(ReadOnlySpan<char> line) => line.Length <= 4096 && DiagnosticRegex().IsMatch(line);

    [GeneratedRegex(
        @"^\W{0,4}(?:npm\s+)?(?:error|fatal|panic|warning|warn|ERR!|FAIL|FAILED|Traceback)\b(?!-)" +
        @"|\b(?:error|warning)\s*\[?[A-Z]{1,8}\d{1,6}\]?\s*:|\b(?:error|warning)\[E?\d+\]" +
        @"|:\d+(?::\d+)?:\s*(?:fatal\s+)?(?:error|warning)\b|\[(?:error|warn|warning|crit|alert|emerg|fatal|FAIL|FAILED)\]|\b(?:level|severity)=""?(?:error|warn|warning|fatal|critical)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DiagnosticRegex();
}
