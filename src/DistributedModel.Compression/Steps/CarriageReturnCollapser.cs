namespace DistributedModel.Compression.Steps;

/// <summary>
/// Progress bars and spinners rewrite a line with <c>\r</c>; a terminal shows only the final state.
/// Each line keeps what follows its last non-empty <c>\r</c>-separated segment (CRLF endings are plain line ends).
/// <para>With a classifier, a line also keeps its most severe state: when an earlier segment is an error or warning more
/// severe than the final one (<c>Error: EACCES …\r[####] 100%</c>, a progress bar redrawn over an error), the result is that segment
/// (the last of the most severe), <see cref="Separator"/>, then the final state. A progress bar that only counts
/// (<c>3 failed\r4 failed</c>) keeps its final state alone.</para>
/// </summary>
public static class CarriageReturnCollapser
{
    /// <summary>Between a kept earlier segment and the final state.</summary>
    public const string Separator = " | ";

    public static string FinalState(string line, LineClassifier? classifier = null) => FinalState(line.AsMemory(), classifier).ToString();

    /// <summary>As <see cref="FinalState(string, LineClassifier)"/>, returning a slice of <paramref name="line"/> (no copy)
    /// unless an earlier segment is kept.</summary>
    public static ReadOnlyMemory<char> FinalState(ReadOnlyMemory<char> line, LineClassifier? classifier = null)
    {
        if (line.Span.IndexOf('\r') < 0) return line;
        var trimmed = line.TrimEnd('\r');
        int last = trimmed.Span.LastIndexOf('\r');
        while (last >= 0)
        {
            var tail = trimmed[(last + 1)..];
            if (!tail.Span.IsWhiteSpace()) return classifier is null ? tail : MostSevere(trimmed[..last], tail, classifier);
            trimmed = trimmed[..last];
            last = trimmed.Span.LastIndexOf('\r');
        }
        return trimmed;
    }

    /// <summary>The final state, after the last of the earlier segments most severe when it is more severe than that.</summary>
    private static ReadOnlyMemory<char> MostSevere(ReadOnlyMemory<char> earlier, ReadOnlyMemory<char> final, LineClassifier classifier)
    {
        var best = Diagnostic(classifier.Classify(final.Span));
        ReadOnlyMemory<char> kept = default;
        var rest = earlier;
        // Backwards: of equally severe segments the last is kept.
        while (true)
        {
            int cr = rest.Span.LastIndexOf('\r');
            var segment = rest[(cr + 1)..];
            if (!segment.Span.IsWhiteSpace())
            {
                var severity = Diagnostic(classifier.Classify(segment.Span));
                if (severity > best) { best = severity; kept = segment; }
            }
            if (cr < 0) break;
            rest = rest[..cr];
        }
        return kept.IsEmpty ? final : string.Concat(kept.Span, Separator, final.Span).AsMemory();
    }

    /// <summary>Errors and warnings only: a count redrawn by a bar (<c>Fetching 3 packages\r[##] 40%</c>) is progress.</summary>
    private static Severity Diagnostic(Severity s) => s is Severity.Error or Severity.Warning ? s : Severity.Other;
}
